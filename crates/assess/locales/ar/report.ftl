# جمل تقرير التقييم (commons-assess). النص الإنجليزي هو نص المنهجية نفسه:
# يحفظه التقرير بجانب كل معرّف رسالة، فحافظ على تطابق الاثنين عند تغيير أي جملة.
# الوسائط الموضوعة بين علامتَي الاقتباس المائلة أوامر أو ملفات أو معرّفات، تُعرض كما كُتبت.

## فحوص الأمان (على غرار OpenSSF Scorecard)

security-binary-none = لا توجد ملفات ثنائية في شجرة المستودع
security-binary-found = { $count ->
    [zero] لا توجد ملفات ثنائية مُودَعة في المستودع
    [one] ملف ثنائي واحد مُودَع في المستودع
    [two] ملفان ثنائيان مُودَعان في المستودع
    [few] { $count } ملفات ثنائية مُودَعة في المستودع
    [many] { $count } ملفًا ثنائيًا مُودَعًا في المستودع
   *[other] { $count } ملف ثنائي مُودَع في المستودع
}
security-binary-too-many = أكثر من 20,000 ملف مرشّح للفحص؛ ولم يُفحص الباقي
evidence-binary-bytes = { $bytes } بايت، محتوى غير نصي
security-no-workflows = لا يوجد أي سير عمل
security-dangerous-none = لا توجد أنماط سير عمل خطرة
security-dangerous-found = { $count ->
    [zero] لا توجد أنماط خطرة
    [one] نمط خطر واحد
    [two] نمطان خطران
    [few] { $count } أنماط خطرة
    [many] { $count } نمطًا خطرًا
   *[other] { $count } نمط خطر
}
evidence-script-injection = المهمة { $job }: يُدرج `run` القيمة غير الموثوق بها { $context }
evidence-untrusted-checkout = المهمة { $job }: حدث تشغيل ذو صلاحيات مرتفعة ({ $triggers }) يجلب شفرة طلب السحب ({ $reference })
security-update-tool-none = لا توجد إعدادات لـ Dependabot أو Renovate أو PyUp أو Scala Steward
security-update-tool-found = أُعدّت أداة لتحديث التبعيات
evidence-configuration-file = ملف الإعدادات
evidence-clusterfuzzlite = إعدادات ClusterFuzzLite
evidence-fuzzer-signature = الاختبار بالمُدخلات العشوائية بلغة { $language }: `{ $signature }`
security-fuzzing-none = لم يُعثر على اختبار بالمُدخلات العشوائية (لا يُتحقق من الانضمام إلى OSS-Fuzz دون اتصال بالشبكة)
security-fuzzing-found = الاختبار بالمُدخلات العشوائية مُعدّ
evidence-license-file = ملف الترخيص
security-license-none = لا يوجد ملف ترخيص
security-license-approved = ملف ترخيص في جذر المستودع، تعرّف عليه الفحص بوصفه ترخيصًا معتمدًا من OSI/FSF
security-license-partial = وُجد ملف ترخيص، لكنه ليس في جذر المستودع أو لم يُتعرَّف عليه بوصفه ترخيصًا معتمدًا
security-history-not-read = لم يُقرأ السجل
security-maintained-young = أول إيداع قبل أقل من 90 يومًا
security-maintained-commits = { $count ->
    [zero] لا إيداعات في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
    [one] إيداع واحد في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
    [two] إيداعان في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
    [few] { $count } إيداعات في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
    [many] { $count } إيداعًا في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
   *[other] { $count } إيداع في آخر 90 يومًا (الهدف: إيداع واحد في الأسبوع)
}
evidence-commits-only = الإيداعات فقط: حالة الأرشفة ونشاط البلاغات من بيانات منصة الاستضافة
evidence-unpinned-action = المهمة { $job }: `{ $action }` غير مثبّت على بصمة تجزئة كاملة لإيداع
evidence-pipe-to-shell = المهمة { $job }: `{ $line }` يمرّر ما يُنزَّل مباشرة إلى صدفة الأوامر
evidence-pip-without-hashes = المهمة { $job }: `{ $line }` يثبّت الحزم دون --require-hashes
evidence-npm-install = المهمة { $job }: `{ $line }` (استخدم `npm ci` للتثبيت من ملف القفل)
evidence-go-install-unpinned = المهمة { $job }: `{ $line }` يثبّت دون تحديد الإصدار
evidence-unpinned-image = `FROM { $image }` غير مثبّت ببصمة المحتوى (digest)
security-pinned-none = لا توجد تبعيات في ملفات سير العمل أو ملفات Dockerfile
security-pinned-count = التبعيات المثبّتة الإصدار: { $pinned } من أصل { $total } (مرجّحةً: { $pinnedWeight }/{ $totalWeight })
evidence-sast-step = المهمة { $job }: { $step }
evidence-sast-gitlab = قالب GitLab SAST مُضمَّن
security-sast-none = لا توجد أداة تحليل ساكن في التكامل المستمر (CI)
security-sast-found = يجري التحليل الساكن في التكامل المستمر (CI)؛ أما تغطية كل تغيير فمن بيانات منصة الاستضافة ولم تُفحص
security-policy-none = لا يوجد ملف SECURITY.md
security-policy-unreadable = تعذّرت قراءة سياسة الأمان
security-policy-found = وُجدت سياسة أمان: { $contacts ->
    [zero] لا جهات اتصال
    [one] جهة اتصال واحدة
    [two] جهتا اتصال
    [few] { $contacts } جهات اتصال
    [many] { $contacts } جهة اتصال
   *[other] { $contacts } جهة اتصال
}، و{ $mentions ->
    [zero] لا إشارات
    [one] إشارة واحدة
    [two] إشارتان
    [few] { $mentions } إشارات
    [many] { $mentions } إشارةً
   *[other] { $mentions } إشارة
} إلى الثغرات/الإفصاح/المهل الزمنية
evidence-security-policy = سياسة الأمان
security-no-tags = لا توجد وسوم
security-signed-count = الوسوم الموقّعة: { $signed } من أصل آخر { $count ->
    [one] وسم
    [two] وسمين
    [few] { $count } وسوم
    [many] { $count } وسمًا
   *[other] { $count } وسم
} (لم يُتحقق من التوقيعات)
evidence-tag-signed = الوسم { $tag }: موقّع
evidence-tag-unsigned = الوسم { $tag }: غير موقّع
evidence-permissions-read = الصلاحيات على مستوى سير العمل للقراءة فقط
evidence-permissions-write = الصلاحيات على مستوى سير العمل تمنح حق الكتابة
evidence-permissions-per-job = لا صلاحيات على مستوى سير العمل، لكن كل مهمة تعلن صلاحياتها الخاصة
evidence-permissions-default = لم تُعلَن أي صلاحيات: يحصل الرمز على الصلاحيات الافتراضية للمستودع (وهي غالبًا الكتابة)
security-permissions-read = كل سير عمل يقصر صلاحيات الرمز على القراءة على مستواه الأعلى
security-permissions-write = سير عمل واحد على الأقل يترك للرمز صلاحيات الكتابة
security-ci-none = لا توجد إعدادات للتكامل المستمر (CI)
security-ci-no-tests = التكامل المستمر مُعدّ، لكن لا توجد خطوة تذكر الاختبارات
security-ci-tests = التكامل المستمر مُعدّ ويشغّل الاختبارات
evidence-ci-config = إعدادات التكامل المستمر (يفحص Scorecard نتائج التكامل المستمر في طلبات السحب المدمجة؛ ويفحص Commons الإعدادات)
security-vulnerabilities-no-database = لم تُستورد بيانات OSV (commons osv import)
security-vulnerabilities-count = { $count ->
    [zero] لا ثغرات معروفة في التبعيات المقفلة
    [one] ثغرة معروفة واحدة في التبعيات المقفلة
    [two] ثغرتان معروفتان في التبعيات المقفلة
    [few] { $count } ثغرات معروفة في التبعيات المقفلة
    [many] { $count } ثغرة معروفة في التبعيات المقفلة
   *[other] { $count } ثغرة معروفة في التبعيات المقفلة
}

## ملفات تعذّر على الفحص استخدامها

error-unreadable = { $file }: تتعذّر قراءته
error-unreadable-or-binary = { $file }: تتعذّر قراءته أو ليس ملفًا نصيًا
error-policy-unreadable = { $file }: ليس ملفًا نصيًا قابلًا للقراءة (لا تُتتبَّع الروابط)
error-not-regular-file = { $file }: ليس ملفًا عاديًا (لا تُتتبَّع الروابط الرمزية)
error-not-utf8 = { $file }: ليس نصًا بترميز UTF-8
error-too-many-lockfiles = عدد ملفات القفل يتجاوز { $limit }؛ ولم يُقرأ الباقي
error-too-many-workflows = عدد ملفات سير العمل يتجاوز { $limit }؛ ولم يُقرأ الباقي

## ملفات تعذّرت قراءتها أو تحليلها: تبقى عبارات git والمحلِّلات نفسها كما كُتبت،
## في $detail

error-git-spawn = تعذّر تشغيل git: { $detail }
error-not-a-repository = { $file } ليس مستودع git: { $detail }
error-empty-repository = لا يوجد في المستودع أي إيداع عند HEAD
error-git-failed = أخفق الأمر git { $command }: { $detail }
error-git-timeout = استغرق الأمر git { $command } أكثر من { $seconds } ثانية فأُوقِف
error-file-too-large = حجم { $file } يبلغ { $size } بايت، وهو يتجاوز الحد الأقصى لما يُقرأ من ملف واحد البالغ { $limit } بايت
error-history-failed = أخفقت قراءة السجل: { $detail }
error-deadline-passed = استغرق التقييم أكثر من { $seconds } ثانية فأُوقِف
error-read-budget-spent = { $file }: لم يُقرأ، لأن التقييم قرأ بالفعل { $limit } بايت، وهو الحد الأقصى المسموح به
error-git-read = تعذّرت القراءة من git: { $detail }
error-file-not-read = { $file }: لم يُقرأ: { $detail }
error-tags-not-read = لم تُقرأ الوسوم: { $detail }
error-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-skipped-too-deep = { $file }: تم تخطّيه: عمق التداخل يتجاوز { $limit } مستوى (السطر { $line })
error-skipped-too-many-nodes = { $file }: تم تخطّيه: توسيع الأسماء المستعارة (aliases) ينتج أكثر من { $limit } عقدة (السطر { $line })
error-skipped-too-large = { $file }: تم تخطّيه: توسيع الأسماء المستعارة (aliases) ينتج أكثر من { $limit } بايت (السطر { $line })
error-invalid-json = { $file }:{ $line }:{ $column }: محتوى JSON غير صالح: { $detail }
error-invalid-toml = { $file }: محتوى TOML غير صالح: { $detail }
error-invalid-xml = { $file }: محتوى XML غير صالح عند البايت { $position }: { $detail }
error-xml-too-deep = { $file }: عمق تداخل العناصر يتجاوز { $limit } مستوى (البايت { $position })
error-binary-lockfile = { $file }: محتوى ثنائي، وليس ملف قفل
error-binary-manifest = { $file }: محتوى ثنائي، وليس ملف بيان حزمة
error-too-many-packages = { $file }: عدد الحزم يتجاوز { $limit }؛ ولم يُستخدم ملف القفل

## نشاط الصيانة (الحيوية)

evidence-history-walk = { $count ->
    [zero] لا إيداعات يمكن الوصول إليها من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
    [one] إيداع واحد يمكن الوصول إليه من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
    [two] إيداعان يمكن الوصول إليهما من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
    [few] { $count } إيداعات يمكن الوصول إليها من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
    [many] { $count } إيداعًا يمكن الوصول إليها من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
   *[other] { $count } إيداع يمكن الوصول إليها من HEAD { $head }؛ حُدِّد المؤلفون بعناوين بريدهم الإلكتروني بعد تطبيق .mailmap
}
evidence-last-commit = أحدث إيداع حسب تاريخ التأليف
error-history-cut = { $count ->
    [one] قُطع السجل بعد إيداع واحد (بلوغ الحد الأقصى أو المهلة الزمنية)
    [two] قُطع السجل بعد إيداعين (بلوغ الحد الأقصى أو المهلة الزمنية)
    [few] قُطع السجل بعد { $count } إيداعات (بلوغ الحد الأقصى أو المهلة الزمنية)
    [many] قُطع السجل بعد { $count } إيداعًا (بلوغ الحد الأقصى أو المهلة الزمنية)
   *[other] قُطع السجل بعد { $count } إيداع (بلوغ الحد الأقصى أو المهلة الزمنية)
}

## التكلفة

evidence-cocomo-counting = { $files ->
    [zero] لم يُحتسب أي ملف
    [one] احتُسب ملف واحد
    [two] احتُسب ملفان
    [few] احتُسبت { $files } ملفات
    [many] احتُسب { $files } ملفًا
   *[other] احتُسب { $files } ملف
} عند HEAD { $head }؛ المستبعدة: { $excluded } (شفرة خارجية مضمَّنة أو مولَّدة أو ملفات قفل)؛ المتخطّاة لأن حجمها يتجاوز 1 MiB: { $large }
error-too-many-source-files = عدد الملفات المصدرية يتجاوز { $limit }؛ ولم يُحتسب الباقي

cost-method-basic-cocomo-organic = basic-cocomo-organic: الجهد = 2.4 * KSLOC^1.05 شخص-شهر، والمدة = 2.5 * الجهد^0.38 شهر، والتكلفة = الجهد * الأجر/12 * التكاليف العامة؛ وتُعَدّ أسطر الشفرة بأداة tokei (دون الأسطر الفارغة والتعليقات، ومع استبعاد صيغ النصوص النثرية والبيانات والإعدادات، والملفات الخارجية المضمَّنة والمصغَّرة)

## المبادئ والمؤشرات: ما عُثر عليه

evidence-file-present = الملف موجود
evidence-documentation-directory = مجلد الوثائق
evidence-publiccode-valid = ملف publiccode.yml صالح
evidence-no-proprietary-dependency = لا يذكر dependsOn.proprietary أي تبعية إلزامية
evidence-osi-approved = { $license } معتمد من OSI
evidence-osi-approved-files = التراخيص في جميع ملفات الترخيص معتمدة من OSI ({ $licenses })
evidence-no-known-vulnerabilities = { $packages ->
    [zero] لا توجد حزم مقفلة
    [one] حزمة مقفلة واحدة، وهي غير متأثرة
    [two] حزمتان مقفلتان، لا تتأثر أيٌّ منهما
    [few] { $packages } حزم مقفلة، لا تتأثر أيٌّ منها
    [many] { $packages } حزمة مقفلة، لا تتأثر أيٌّ منها
   *[other] { $packages } حزمة مقفلة، لا تتأثر أيٌّ منها
} (بيانات OSV بتاريخ { $date })
evidence-security-score = الدرجة الإجمالية على غرار Scorecard: { $score }
evidence-active-maintainers = { $commits ->
    [zero] لا إيداعات
    [one] إيداع واحد
    [two] إيداعان
    [few] { $commits } إيداعات
    [many] { $commits } إيداعًا
   *[other] { $commits } إيداع
} من { $people ->
    [zero] أي شخص
    [one] شخص واحد
    [two] شخصين
    [few] { $people } أشخاص
    [many] { $people } شخصًا
   *[other] { $people } شخص
} خلال آخر 365 يومًا

## المستودع ككل

error-tree-truncated = شجرة HEAD أكبر من الحد الأقصى لقائمة الملفات؛ ولم يُطّلع على الملفات التالية
error-publiccode-not-regular = { $file }: ليس ملفًا عاديًا (لا تُتتبَّع الروابط الرمزية)
error-publiccode-invalid = { $file }:{ $line }:{ $column }: { $problem } (شغّل `commons validate` لعرض جميع المشكلات)

## تعريف الذكاء الاصطناعي مفتوح المصدر

evidence-ai-keyword = يذكر «{ $word }»
evidence-ai-weights-bytes = { $bytes } بايت من معلَمات النموذج
evidence-model-card = بطاقة النموذج
error-model-card-binary = { $file }: ملف ثنائي، وليس بطاقة نموذج
evidence-weights-file = ملف الأوزان
evidence-weights-license-restrictive = ترخيص بطاقة النموذج `{ $license }` يقيّد الاستخدام
evidence-weights-license-approved = ترخيص بطاقة النموذج `{ $license }` معتمد من OSI
evidence-weights-license-unknown = ترخيص بطاقة النموذج `{ $license }` ليس معرّف SPDX لترخيص معتمد من OSI
evidence-weights-repository-license = لا يوجد ترخيص في بطاقة النموذج؛ ويُفترض أن ترخيص المستودع المعتمد من OSI يشمل الأوزان
evidence-training-code = شفرة التدريب
evidence-data-card = بطاقة البيانات / صحيفة البيانات
evidence-model-card-training-data = تصف بطاقة النموذج بيانات تدريبه

## الترخيص

evidence-license-text-match = النص يطابق { $license } (معامل Dice { $score })
evidence-license-near-copy-scores = { $copy }، وهو نسخة شبه مطابقة من { $license } باسم آخر، يحصل أيضًا على { $copyScore }؛ أما { $license } فيحصل على { $score }، وهو المعتمد
evidence-license-variant = { $license } نسخة شبه مطابقة من { $common } باسم آخر، وهذا النص يطابق { $license } أكثر مما يطابق { $common }
evidence-license-statement = ليس نص ترخيص؛ بل يذكر ترخيص المشروع: { $expression }
evidence-license-combination = تحتوي ملفات الترخيص على { $licenses }، ولا يبيّن publiccode.yml ولا ملف بيان الحزمة ولا README ولا ترويسات الملفات المصدرية هل تنطبق معًا (AND) أم على سبيل الاختيار (OR)
evidence-project-declaration-states = { $field }: «{ $written }» يذكر { $expression }
evidence-project-declaration-names-file = { $field }: «{ $written }» يشير إلى { $file } بوصفه نص الترخيص
evidence-project-declaration-problem = { $field }: «{ $written }» ليس تعبير SPDX: { $problem }
evidence-project-declaration-none = { $field }: «{ $written }» ليس تعبير SPDX
license-file-symlink = رابط رمزي؛ ولا تُتتبَّع الروابط
license-file-not-regular = ليس ملفًا عاديًا
license-file-binary = ملف ثنائي، وليس نص ترخيص (البايت عند الإزاحة { $offset } ليس نصًا)
license-file-not-recognised = لم يُتعرَّف على النص (أقرب تطابق { $candidate } بدرجة { $score }، وهي دون الحد { $threshold })
license-file-no-match = لم يُتعرَّف على النص (لا يوجد ترخيص مرشّح، دون الحد { $threshold })
error-license-file-symlink = { $file }: رابط رمزي؛ ولا تُتتبَّع الروابط
error-license-file-not-regular = { $file }: ليس ملفًا عاديًا
error-license-file-binary = { $file }: ملف ثنائي، وليس نص ترخيص (البايت عند الإزاحة { $offset } ليس نصًا)
error-license-file-not-recognised = { $file }: لم يُتعرَّف على النص (أقرب تطابق { $candidate } بدرجة { $score }، وهي دون الحد { $threshold })
error-license-file-no-match = { $file }: لم يُتعرَّف على النص (لا يوجد ترخيص مرشّح، دون الحد { $threshold })
license-mismatch-files-unmentioned = تحتوي ملفات الترخيص على { $licenses }، وهي تراخيص لا يذكرها legal.license ({ $declared })
license-mismatch-declared-invalid = legal.license ({ $declared }) ليس تعبير SPDX صالحًا
license-mismatch-no-file = legal.license مُصرَّح به، لكن لم يُتعرَّف على أي ملف ترخيص
license-mismatch-project-declaration = يصرّح الحقل { $field } في { $file } بـ { $expression }، وهو ما لا يطابقه legal.license ({ $declared })
license-mismatch-files-unmentioned-by-project = تحتوي ملفات الترخيص على { $licenses }، وهي تراخيص لا يذكرها الحقل { $field } في { $file } ({ $expression })

## ما يبحث عنه Commons لكل مبدأ ومؤشر (قاعدته)

rule-un-open-by-default = ترخيص معتمد من OSI وملف publiccode.yml
rule-un-contribute-back = دليل CONTRIBUTING (أما المساهمات في المشاريع الأصلية فتصرّح بها الجهة الناشرة)
rule-un-secure-by-design = سياسة أمان، وأداة لتحديث التبعيات، وعدم وجود أي ثغرة معروفة في التبعيات المقفلة
rule-un-inclusive-participation = مدونة سلوك ودليل CONTRIBUTING
rule-un-design-for-reusability = ملف publiccode.yml دون تبعيات مملوكة إلزامية
rule-un-provide-documentation = ملف README ذو محتوى وافٍ، أو مجلد docs/، أو رابط إلى الوثائق في publiccode.yml
rule-un-rise = ملف AUTHORS أو CONTRIBUTORS أو all-contributors أو CITATION
rule-un-sustain-and-scale = إيداعات خلال العام الماضي من شخصين أو أكثر، وصيانة مُعلَنة في publiccode.yml
rule-dpg-sdg-relevance = تصرّح به الجهة الناشرة (أهداف التنمية المستدامة وكيف تخدمها البرمجية)
rule-dpg-open-licensing = ترخيص معتمد من OSI
rule-dpg-clear-ownership = legal.mainCopyrightOwner أو legal.repoOwner في publiccode.yml، أو بيانات REUSE الوصفية
rule-dpg-platform-independence = عدم وجود أي تبعية مملوكة إلزامية في publiccode.yml (dependsOn.proprietary)
rule-dpg-documentation = ملف README ذو محتوى وافٍ، أو مجلد docs/، أو رابط إلى الوثائق في publiccode.yml
rule-dpg-data-extraction = تصرّح به الجهة الناشرة (الاستيراد/التصدير بصيغ غير مملوكة)، أو لا ينطبق
rule-dpg-privacy-and-laws = يشهد به شخص مخوَّل بالتحدث باسم المشروع
rule-dpg-standards-best-practices = بيانات publiccode.yml الوصفية، ودرجة أمان على غرار Scorecard تبلغ 5 أو أكثر
rule-dpg-do-no-harm = يشهد به شخص مخوَّل بالتحدث باسم المشروع (الخصوصية، والمحتوى، والتحرش)

## فحوص Scorecard التي لا تُحسب من نسخة مستنسخة من المستودع، وسبب ذلك

not-computed-Branch-Protection = قواعد حماية الفروع محفوظة في إعدادات منصة الاستضافة (واجهة برمجة الإدارة)، لا في git
not-computed-Code-Review = مراجعات التغييرات المدمجة والموافقات عليها من بيانات منصة الاستضافة
not-computed-Contributors = يتطلب معرفة منظمات المؤلفين من ملفاتهم الشخصية على منصة الاستضافة
not-computed-CII-Best-Practices = يتطلب واجهة برمجة شارة أفضل الممارسات من OpenSSF (اتصال بالشبكة)
not-computed-Webhooks = تتطلب إعدادات خطافات الويب رمز إدارة لمنصة الاستضافة
not-computed-Packaging = يتحقق Scorecard الأصلي أيضًا من أن سير عمل النشر نُفِّذ بنجاح (واجهة برمجة منصة الاستضافة)
not-computed-SBOM = نصف الدرجة يخص ملفات الإصدارات المرفقة (واجهة برمجة منصة الاستضافة)؛ ولم يُحسب بعدُ النصف الخاص بالشفرة المصدرية
