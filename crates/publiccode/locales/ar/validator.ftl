# رسائل أداة التحقق (commons-publiccode) باللغة العربية.
# الوسائط: $field مفتاح من مفاتيح المعيار (`license`، `categories[2]`)؛ و$value و$key و$code
# و$version نص منقول من الملف كما كُتب؛ والأعداد أعداد وأحجام.

## الملف ككل

validator-file-too-large = حجم الملف { $size ->
    [one] بايت واحد
    [two] بايتان
    [few] { $size } بايتات
    [many] { $size } بايتًا
   *[other] { $size } بايت
}، والحد الأقصى المسموح به لملف publiccode.yml هو { $max ->
    [one] بايت واحد
    [two] بايتان
    [few] { $max } بايتات
    [many] { $max } بايتًا
   *[other] { $max } بايت
}
validator-invalid-utf8 = ترميز UTF-8 غير صالح: البايت عند الإزاحة { $offset } ليس UTF-8 صالحًا (احفظ الملف بترميز UTF-8)
validator-nul-bytes = يحتوي الملف على بايتات NUL: يبدو أنه ملف ثنائي لا ملف YAML
validator-empty-file = الحقل publiccodeYmlVersion إلزامي (الملف فارغ)
validator-not-a-mapping = يجب أن يكون المستند تعيينًا من المفاتيح (publiccodeYmlVersion: ..., name: ...)
validator-stopped = توقّف التحقق قبل اكتماله
validator-more-problems-not-listed = { $total ->
    [one] ومشكلة واحدة أخرى غير مذكورة
    [two] ومشكلتان أخريان غير مذكورتين
    [few] و{ $total } مشكلات أخرى غير مذكورة
   *[other] و{ $total } مشكلة أخرى غير مذكورة
} ({ $errors ->
    [zero] لا أخطاء
    [one] خطأ واحد
    [two] خطآن
    [few] { $errors } أخطاء
    [many] { $errors } خطأً
   *[other] { $errors } خطأ
}، { $warnings ->
    [zero] لا تنبيهات
    [one] تنبيه واحد
    [two] تنبيهان
    [few] { $warnings } تنبيهات
    [many] { $warnings } تنبيهًا
   *[other] { $warnings } تنبيه
}): لم يُذكر إلا { $listed ->
    [one] المشكلة الأولى
    [two] المشكلتان الأوليان
    [few] أول { $listed } مشكلات
   *[other] أول { $listed } مشكلة
}؛ صحّحها ثم أعد التحقق

## صياغة YAML ($detail هو وصف محلل YAML نفسه للخطأ، بالإنكليزية)

validator-yaml-syntax = خطأ في صياغة YAML: { $detail }
validator-yaml-multiple-documents = خطأ في صياغة YAML: وجود عدة مستندات YAML في ملف واحد غير مدعوم
validator-yaml-too-deep = خطأ في صياغة YAML: التداخل أعمق من { $max ->
    [one] مستوى واحد
    [two] مستويين
    [few] { $max } مستويات
    [many] { $max } مستوًى
   *[other] { $max } مستوى
}
validator-yaml-too-many-nodes = خطأ في صياغة YAML: يضم المستند أكثر من { $max ->
    [one] عقدة واحدة
    [two] عقدتين
    [few] { $max } عُقد
    [many] { $max } عقدةً
   *[other] { $max } عقدة
} (المفاتيح والقيم وعناصر القوائم؛ ويُحتسب للاسم المستعار (alias) عدد عُقد قيمته في كل مرة يُستخدم فيها)
validator-yaml-aliases-too-large = خطأ في صياغة YAML: تتوسع الأسماء المستعارة (aliases) إلى أكثر من { $max ->
    [one] بايت واحد
    [two] بايتين
    [few] { $max } بايتات
    [many] { $max } بايتًا
   *[other] { $max } بايت
} من النص (هل يكرر اسم مستعار قيمة كبيرة مرات كثيرة؟)
validator-yaml-unknown-anchor = خطأ في صياغة YAML: يشير اسم مستعار (alias) إلى مرساة (anchor) غير معروفة
validator-yaml-key-not-scalar = خطأ في صياغة YAML: يجب أن يكون مفتاح التعيين قيمة بسيطة، لا قائمة ولا تعيينًا
validator-yaml-duplicate-key = خطأ في صياغة YAML: المفتاح "{ $key }" مكرر: لا يجوز أن يرد المفتاح إلا مرة واحدة

## publiccodeYmlVersion

validator-version-missing = الحقل publiccodeYmlVersion إلزامي (اكتب publiccodeYmlVersion: "0")
validator-version-not-text = نوع خاطئ لهذا الحقل: يجب أن تكون قيمة publiccodeYmlVersion نصًا؛ ضعها بين علامتي تنصيص (publiccodeYmlVersion: "0")
validator-version-unsupported = إصدار غير مدعوم: '{ $version }'. الإصدارات المدعومة: { $supported }
validator-version-not-latest = الإصدار v{ $version } ليس أحدث إصدار، استخدم '0'. يُحلَّل هذا الملف على أنه الإصدار v{ $latest }.

## الأنواع والمفاتيح (ما يتطلبه المفتاح، ثم ما يحتويه الملف)

validator-wrong-type = نوع خاطئ لهذا الحقل
validator-wrong-type-mapping-list = نوع خاطئ لهذا الحقل: المتوقع تعيين، والموجود قائمة
validator-wrong-type-mapping-text = نوع خاطئ لهذا الحقل: المتوقع تعيين، والموجود نص
validator-wrong-type-mapping-boolean = نوع خاطئ لهذا الحقل: المتوقع تعيين، والموجود قيمة منطقية
validator-wrong-type-mapping-number = نوع خاطئ لهذا الحقل: المتوقع تعيين، والموجود عدد
validator-wrong-type-text-list = نوع خاطئ لهذا الحقل: المتوقع نص، والموجود قائمة
validator-wrong-type-text-mapping = نوع خاطئ لهذا الحقل: المتوقع نص، والموجود تعيين
validator-wrong-type-boolean-text = نوع خاطئ لهذا الحقل: المتوقع true أو false، والموجود نص (اكتب true أو false بلا علامتي تنصيص؛ فالقيم yes/no/on/off نصوص في YAML 1.2)
validator-wrong-type-boolean-number = نوع خاطئ لهذا الحقل: المتوقع true أو false، والموجود عدد
validator-wrong-type-boolean-list = نوع خاطئ لهذا الحقل: المتوقع true أو false، والموجود قائمة
validator-wrong-type-boolean-mapping = نوع خاطئ لهذا الحقل: المتوقع true أو false، والموجود تعيين
validator-wrong-type-list-mapping = نوع خاطئ لهذا الحقل: المتوقع قائمة، والموجود تعيين
validator-wrong-type-list-text = نوع خاطئ لهذا الحقل: المتوقع قائمة، والموجود نص
validator-wrong-type-list-boolean = نوع خاطئ لهذا الحقل: المتوقع قائمة، والموجود قيمة منطقية
validator-wrong-type-list-number = نوع خاطئ لهذا الحقل: المتوقع قائمة، والموجود عدد
validator-unknown-field = حقل غير معروف "{ $field }": لا يتضمن المعيار هذا المفتاح هنا (تحقق من تهجئته ومن الأحرف الكبيرة والصغيرة)

## القيم (قواعد المعيار)

validator-required = الحقل { $field } إلزامي
# $choices هي القيم المسموح بها عدا الأخيرة، بين علامتي تنصيص ومفصولة بفواصل ("a", "b")؛ و$last هي القيمة الأخيرة ("c").
validator-one-of = يجب أن تكون قيمة { $field } إحدى القيم التالية: { $choices } أو { $last }
validator-not-http-url = يجب أن تكون قيمة { $field } عنوان URL من نوع HTTP (http:// أو https:// مع اسم مضيف)، لا '{ $value }'
validator-not-a-date = يجب أن تكون قيمة { $field } تاريخًا بالصيغة 'YYYY-MM-DD'، لا '{ $value }'
validator-not-an-email = يجب أن تكون قيمة { $field } عنوان بريد إلكتروني صالحًا
validator-too-long = يجب ألا يتجاوز طول { $field } { $max ->
    [one] حرفًا واحدًا
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
} (طوله { $length ->
    [one] حرف واحد
    [two] حرفان
    [few] { $length } أحرف
    [many] { $length } حرفًا
   *[other] { $length } حرف
})
validator-too-short = يجب ألا يقل طول { $field } عن { $min ->
    [one] حرف واحد
    [two] حرفين
    [few] { $min } أحرف
    [many] { $min } حرفًا
   *[other] { $min } حرف
} (طوله { $length ->
    [one] حرف واحد
    [two] حرفان
    [few] { $length } أحرف
    [many] { $length } حرفًا
   *[other] { $length } حرف
})
validator-url-invalid = يجب أن تكون قيمة url عنوان URL صالحًا، لا '{ $value }'
validator-not-a-url = يجب أن تكون قيمة { $field } عنوان URL صالحًا
validator-not-a-mime-type = قيمة { $field } ليست نوع MIME صالحًا
validator-platforms-empty = يجب أن تحتوي platforms على عنصر واحد على الأقل (مثل: web، linux، windows، mac، android، ios)
validator-unknown-category = يجب أن تكون قيمة { $field } فئة صالحة، و'{ $value }' ليست كذلك (انظر https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)
validator-unknown-alias = يحتوي id على اسم بديل (alias) غير معروف '{ $value }' (انظر https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)
validator-support-id-invalid = يجب أن تكون قيمة id اسمًا بديلًا معروفًا ('alias:<name>') أو URI صالحًا (URL أو URN)
validator-organisation-uri-invalid = قيمة uri ليست URI صالحًا: استخدم عنوان URL لموقع المؤسسة على الويب أو URN
validator-organisation-uri-ipa = يجب أن تكون قيمة uri رمز iPA صالحًا للإدارة العامة الإيطالية بالصيغة 'urn:x-italian-pa:[codiceIPA]' (انظر https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-unknown-scope = يجب أن تكون قيمة { $field } نطاقًا صالحًا، و'{ $value }' ليس كذلك (انظر https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)
validator-not-a-country = يجب أن تكون قيمة { $field } رمز بلد صالحًا من حرفين وفق ISO 3166-1 alpha-2، و'{ $value }' ليس كذلك
validator-description-empty = يجب أن تحتوي description على عنصر واحد على الأقل: صِف البرمجية بلغة واحدة على الأقل
validator-description-language = يجب أن تكون مفاتيح description لغات صالحة وفق BCP 47، و'{ $value }' ليس كذلك (اكتب en، en-GB، fr، zh-Hans، ...)
validator-features-empty = يجب أن تحتوي features على عنصر واحد على الأقل: اذكر أهم ميزات البرمجية
validator-video-not-http-url = يجب أن تكون قيمة { $field } عنوان URL من نوع HTTP
validator-video-not-oembed = '{ $value }' ليس عنوان URL صالحًا لفيديو يدعم oEmbed: ضع رابط صفحة فيديو على منصة مثل YouTube أو Vimeo أو Dailymotion أو PeerTube
validator-license-invalid = يجب أن تكون قيمة license ترخيصًا صالحًا، و'{ $value }' ليس تعبير SPDX (انظر https://spdx.org/licenses للاطلاع على المعرّفات، وتُجمع بـ AND أو OR أو WITH)
# $type هو نوع الصيانة كما يرد في المعيار: community أو internal.
validator-contacts-required = الحقل contacts إلزامي عندما تكون قيمة "type" هي "{ $type }"
validator-contractors-required = الحقل contractors إلزامي عندما تكون قيمة "type" هي "contract"
validator-contractors-not-allowed = يجب ألا يوجد الحقل contractors إلا إذا كانت قيمة "type" هي "contract"
validator-localisation-ready-required = الحقل localisationReady إلزامي (true أو false)
validator-available-languages-empty = يجب أن تحتوي availableLanguages على عنصر واحد على الأقل
validator-not-a-language = يجب أن تكون قيمة { $field } لغة صالحة وفق BCP 47، و'{ $value }' ليست كذلك
# يُعرض المفتاح (logo، screenshots، authorsFile) بجانب الرسالة.
validator-absolute-path = قيمته مسار مطلق. لا يُسمح إلا بالمسارات النسبية أو بعناوين URL من نوع HTTP(s)
validator-file-url = قيمته عنوان URL من نوع file://. لا يُسمح إلا بالمسارات النسبية أو بعناوين URL من نوع HTTP(s)
validator-codice-ipa-invalid = يجب أن تكون قيمة codiceIPA رمز iPA صالحًا للإدارة العامة الإيطالية (انظر https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-it-duplicate = المفتاح 'IT' موجود بالفعل. احذف هذا المفتاح

## المفاتيح المُهمَلة (تنبيهات)

validator-deprecated-drop = هذا المفتاح مُهمَل وسيُزال مستقبلًا. يمكن حذفه بأمان
# $key هو المفتاح الذي يُستخدم بدلًا منه (logo، organisation.name).
validator-deprecated-use = هذا المفتاح مُهمَل وسيُزال مستقبلًا. استخدم '{ $key }' بدلًا منه
validator-country-lowercase = رموز البلدان بالأحرف الصغيرة مُهمَلة. استخدم الأحرف الكبيرة بدلًا منها ('{ $code }')
validator-it-lowercase = رموز البلدان بالأحرف الصغيرة مُهمَلة وستُزال مستقبلًا. استخدم 'IT' بدلًا منها
validator-codice-ipa-deprecated = هذا المفتاح مُهمَل وسيُزال مستقبلًا. استخدم 'organisation.uri' بدلًا منه واجعل قيمته 'urn:x-italian-pa:{ $code }'
