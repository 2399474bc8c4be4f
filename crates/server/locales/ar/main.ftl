# واجهة Commons على الويب — العربية.

site-name = Commons: البرمجيات المفتوحة المصدر للأمم المتحدة
site-tagline = البرمجيات التي تتقاسمها منظومة الأمم المتحدة والهيئات العامة
skip-to-content = الانتقال إلى المحتوى الرئيسي
language-switcher = اللغة
main-navigation = التنقل الرئيسي
nav-software = البرمجيات
nav-organisations = المنظمات
nav-validate = التحقق من ملف publiccode.yml
nav-about = حول الفهرس
footer-text = فهرس للبرمجيات المفتوحة المصدر التي تنشرها كيانات الأمم المتحدة وغيرها من المنظمات العامة بواسطة ملف publiccode.yml.
footer-api = واجهة برمجة التطبيقات المفتوحة (JSON)

search-label = البحث في الفهرس
search-placeholder = ابحث بالاسم أو الغرض أو كلمة مفتاحية، بأي لغة
search-button = بحث

home-title = ابحث عن برمجيات لإعادة استخدامها
home-heading = ابحث عن برمجيات مفتوحة المصدر لإعادة استخدامها
home-lead = قبل أن تبدأ التطوير، اطّلع على ما أنجزته كيانات الأمم المتحدة والهيئات العامة الأخرى وتتقاسمه بوصفه برمجيات مفتوحة المصدر.
home-stats-software = { $count ->
    [zero] لا توجد حلول برمجية
    [one] حل برمجي واحد
    [two] حلان برمجيان
    [few] { $count } حلول برمجية
    [many] { $count } حلًا برمجيًا
   *[other] { $count } حل برمجي
}
home-stats-organisations = { $count ->
    [one] من منظمة واحدة
    [two] من منظمتين
    [few] من { $count } منظمات
    [many] من { $count } منظمة
   *[other] من { $count } منظمة
}
home-browse = تصفّح
home-recent = المحدَّثة مؤخرًا
home-see-all = عرض جميع البرمجيات
home-publish-heading = انشر برمجياتك
home-publish-text = أضف ملف publiccode.yml إلى مستودعك وسيعثر عليه الفهرس. تحقّق منه أولًا باستخدام أداة التحقق.

results-title = فهرس البرمجيات
results-title-query = نتائج البحث عن «{ $query }»
results-count = { $count ->
    [0] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
results-none = لا توجد برمجيات تطابق هذا البحث. جرّب كلمات أقل أو أزل أحد عوامل التصفية.
results-browse-all = تصفّح جميع البرمجيات
filters = عوامل التصفية
filters-active = عوامل التصفية المطبّقة
filters-clear = إزالة جميع عوامل التصفية
filter-remove = إزالة عامل التصفية
filter-selected = محدَّد
facet-more = { $count ->
    [one] عرض قيمة أخرى
    [two] عرض قيمتين أخريين
    [few] عرض { $count } قيم أخرى
   *[other] عرض { $count } قيمة أخرى
}
facet-organisation = المنظمة
facet-category = الفئة
facet-license = الترخيص
facet-developmentStatus = مرحلة التطوير
facet-softwareType = نوع البرمجية
facet-platform = المنصة
facet-maintenanceType = الصيانة
facet-language = اللغة
facet-country = البلد
facet-scope = القطاع
facet-licenseFamily = عائلة الترخيص
facet-osiApproved = ترخيص معتمد من OSI
facet-vitality = نشاط الصيانة (الحيوية)
facet-securityScore = درجة ممارسات الأمان
facet-vulnerabilities = الثغرات المعروفة
facet-vulnerabilities-yes = وُجدت
facet-vulnerabilities-no = لم يُعثر على أي منها
sort-label = الترتيب حسب
sort-relevance = الصلة
sort-name = الاسم
sort-updated = آخر تحديث
sort-vitality = نشاط الصيانة
sort-security = ممارسات الأمان
sort-apply = ترتيب
pagination = الصفحات
page = الصفحة
page-previous = السابق
page-next = التالي
updated = تاريخ التحديث
details = التفاصيل

published-by = الجهة الناشرة:
logo-of = شعار { $name }
repository-link = الشفرة المصدرية
website-link = الموقع الإلكتروني
problem-heading = يتضمّن أحدث ملف publiccode.yml لهذا المشروع أخطاء
description = الوصف
description-fallback = هذا الوصف غير متاح باللغة العربية. لغة العرض: { $language }.
description-languages = الوصف بلغات أخرى
features = الميزات الرئيسية
screenshots = لقطات الشاشة
screenshot-n = لقطة الشاشة { $count }
videos-awards = مقاطع الفيديو والجوائز
maintenance = الصيانة
maintenance-type = الجهة المسؤولة عن الصيانة
contractors = المتعاقدون
contract-until = العقد ساري حتى
contacts = جهات الاتصال
dependencies = التبعيات
dependency-name = الاسم
dependency-kind = النوع
dependency-versions = الإصدارات
dependency-optional = اختيارية
dependency-open = مفتوحة المصدر
dependency-proprietary = مملوكة
dependency-hardware = أجهزة
warnings = تنبيهات
warnings-text = ملف publiccode.yml صالح، مع هذه الملاحظات الموجّهة إلى القائمين على صيانته.
history = سجل المراجعات
revision = المراجعة
revision-date = التاريخ
revision-commit = الإيداع
revision-version = إصدار المعيار
revision-status = الحالة
revision-live = المعتمدة
revision-valid = صالحة
revision-errors = { $count ->
    [one] خطأ واحد
    [two] خطآن
    [few] { $count } أخطاء
   *[other] { $count } خطأ
}
revision-warnings = { $count ->
    [one] تنبيه واحد
    [two] تنبيهان
    [few] { $count } تنبيهات
   *[other] { $count } تنبيهًا
}
at-a-glance = لمحة سريعة
repository = المستودع
version = الإصدار
release-date = تاريخ الإصدار
license = الترخيص
copyright-owner = صاحب حقوق النشر
repo-owner = مالك المستودع
development-status = مرحلة التطوير
software-type = نوع البرمجية
application-suite = المجموعة
categories = الفئات
platforms = المنصات
intended-audience = القطاعات
countries = البلدان
unsupported-countries = غير ملائمة لـ
available-languages = اللغات المتاحة
localisation-ready = جاهزة للترجمة
used-by = الجهات المستخدمة
funded-by = الجهات الممولة
supports = تدعم
based-on = مبنية على
documentation = الوثائق
api-documentation = وثائق واجهة برمجة التطبيقات
roadmap = خارطة الطريق
standard-version = إصدار publiccode.yml
input-types = صيغ الإدخال
output-types = صيغ الإخراج
it-platforms = المنصات الوطنية الإيطالية
it-ipa-code = رمز iPA (إيطاليا)
yes = نعم
no = لا
line = السطر

organisations-title = المنظمات
organisations-lead = كيانات الأمم المتحدة والهيئات العامة التي تنشر برمجيات في هذا الفهرس.
software-count = { $count ->
    [0] لا توجد برمجيات
    [one] حل برمجي واحد
    [two] حلان برمجيان
    [few] { $count } حلول برمجية
    [many] { $count } حلًا برمجيًا
   *[other] { $count } حل برمجي
}
organisation-search = البحث في برمجيات هذه المنظمة وتصفيتها

validate-title = التحقق من ملف publiccode.yml
validate-lead = تحقّق من مطابقة ملف publiccode.yml للمعيار قبل نشره. لا يُحفظ أي شيء ترسله.
validate-form = ملفك
validate-again = التحقق من إصدار آخر
validate-paste = الصق محتوى ملف publiccode.yml
validate-paste-help = نص YAML بحجم أقصاه 1 ميبيبايت. إذا اخترت ملفًا أيضًا، فسيُتحقَّق من الملف.
validate-upload = أو حمّل الملف
validate-button = تحقّق
validate-valid = الملف صالح
validate-invalid = الملف غير صالح
validate-errors = { $count ->
    [0] لا توجد أخطاء
    [one] خطأ واحد
    [two] خطآن
    [few] { $count } أخطاء
   *[other] { $count } خطأ
}
validate-warnings = { $count ->
    [0] لا توجد تنبيهات
    [one] تنبيه واحد
    [two] تنبيهان
    [few] { $count } تنبيهات
   *[other] { $count } تنبيهًا
}
validate-excerpts = ملفك: الأسطر المحيطة بكل مشكلة
validate-more = { $count ->
    [one] ومشكلة واحدة أخرى غير معروضة هنا
    [two] ومشكلتان أخريان غير معروضتين هنا
    [few] و{ $count } مشكلات أخرى غير معروضة هنا
   *[other] و{ $count } مشكلة أخرى غير معروضة هنا
}
validate-not-echoed = ملفك أكبر من أن يُعرض مجددًا في هذا النموذج: الصقه أو اختره مرة أخرى للتحقق من نسخة أخرى.
error = خطأ
warning = تنبيه

about-title = حول الفهرس
about-lead = يجمع Commons البرمجيات المفتوحة المصدر التي تنشرها كيانات الأمم المتحدة وغيرها من المنظمات العامة، حتى تتمكن أي وكالة تبحث عن حل من إعادة استخدام حل قائم بدلًا من دفع تكاليف تطويره من جديد.
about-how-heading = كيف يعمل
about-how-text = تصف المنظمات برمجياتها في ملف publiccode.yml، وهو معيار مفتوح، يوضع في جذر مستودعاتها. ويعثر الفهرس على هذه الملفات في منصات استضافة الشفرة، ويتحقق من مطابقتها للمعيار، ويدرج الصالح منها باللغات الرسمية الست للأمم المتحدة.
about-publish-heading = كيف تُدرج برمجياتك
about-publish-text = اكتب ملف publiccode.yml لمشروعك، وتحقّق منه باستخدام أداة التحقق، ثم انشره في مستودعك. ويمكن كتابة الأوصاف بعدة لغات، فيرى كل قارئ الوصف الأقرب إلى لغته.
about-data-heading = البيانات المفتوحة
about-data-text = جميع محتويات الفهرس متاحة أيضًا عبر واجهة برمجة تطبيقات مفتوحة وموثّقة.

not-found-title = الصفحة غير موجودة
not-found-text = لا يوجد شيء في هذا العنوان. ربما نُقلت الصفحة، أو لم تعد البرمجية مدرجة في الفهرس.
bad-request-title = تعذّر فهم هذا الطلب
bad-request-text = جزء من العنوان غير صالح. ابدأ بحثًا جديدًا بدلًا من ذلك.
forbidden-title = انتهت صلاحية النموذج
forbidden-text = حرصًا على أمانك، يجب إرسال النموذج من صفحة هذا الموقع نفسه. افتح الصفحة مجددًا وأعد الإرسال.
server-error-title = حدث خطأ
server-error-text = تعذّر على الفهرس الرد. يُرجى المحاولة مرة أخرى بعد قليل.
busy-title = أداة التحقق مشغولة
busy-text = يجري الآن فحص عدد كبير جدًا من الملفات. يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.
too-many-requests-title = طلبات كثيرة جدًا
too-many-requests-text = أرسل هذا العنوان طلبات أكثر مما يجيب عنه الفهرس لزائر واحد. انتظر قليلًا ثم أعد تحميل الصفحة.
back-home = العودة إلى الصفحة الرئيسية

nav-status = حالة الزحف
status-title = حالة الزحف: لماذا لا يظهر مشروعي في الفهرس؟
status-lead = ما وجده زاحف الفهرس في مستودعات كل جهة ناشرة في آخر زيارة، ولماذا يظهر المشروع في الفهرس أو لا يظهر.
status-url-label = عنوان المستودع
status-url-button = تحقّق
status-url-help = أدخل عنوان مستودعك (مثلًا https://github.com/agency/project) لعرض آخر عمليات الزحف عليه.
status-empty-heading = لم تُجرَ أي عملية زحف بعد
status-empty-text = يُدرج الفهرس المشروع عندما يجد زاحفه ملف publiccode.yml صالحًا في جذر الفرع الافتراضي للمستودع، في موقع استضافة (مجموعة GitLab أو منظمة GitHub أو منظمة Gitea أو مستودع git) صرّحت به جهة ناشرة مسجّلة. يزور الزاحف هذه المواقع بانتظام ويسجّل هنا ما وجده في كل مستودع.
status-empty-step-file = اكتب ملف publiccode.yml يصف مشروعك.
status-empty-step-validate = تحقّق من مطابقته للمعيار قبل نشره:
status-empty-step-registry = انشره في جذر مستودعك، في موقع سجّلته منظمتك لدى الفهرس.
status-empty-step-crawl = في عملية الزحف التالية يظهر مشروعك هنا مع نتيجته، ثم في الفهرس.
status-publishers = الجهات الناشرة
status-publisher = الجهة الناشرة
status-repositories = المستودعات
status-last-outcomes = آخر نتيجة لكل مستودع
status-breadcrumb = أنت هنا
status-all-publishers = كل الجهات الناشرة
status-publisher-none = لا يعرف الزاحف بعد أي مستودع لهذه الجهة الناشرة.
status-repository-count = { $count ->
    [0] لا توجد مستودعات
    [one] مستودع واحد
    [two] مستودعان
    [few] { $count } مستودعات
    [many] { $count } مستودعًا
   *[other] { $count } مستودع
}
status-outcome = آخر نتيجة
status-detail = التفاصيل
status-time = وقت الزحف (UTC)
status-entry = مدخل الفهرس
status-see-entry = عرض المدخل
status-not-listed = غير مُدرج
status-what-to-do = ما يمكنك فعله:
status-hosting = وُجد في
status-aliases = العناوين السابقة
status-recent-crawls = آخر عمليات الزحف
status-unknown-heading = لم يرَ الزاحف هذا المستودع قط
status-unknown-text = تحقّق من العنوان، ثم من أن المستودع يقع داخل موقع استضافة سجّلته منظمتك لدى الفهرس. لا يزور الزاحف أي مستودع خارج هذه المواقع.
status-guide-heading = معنى كل نتيجة
outcome-none = لم يُزحف إليه بعد
outcome-ok = مُدرج
outcome-ok-meaning = قُرئ ملف publiccode.yml صالح: المدخل مُدرج في الفهرس ومحدَّث.
outcome-ok-action = لا شيء. يُؤخذ كل تغيير تنشره في publiccode.yml في الحسبان عند عملية الزحف التالية.
outcome-invalid = ملف غير صالح
outcome-invalid-meaning = وُجد ملف publiccode.yml لكنه لا يطابق المعيار. إن كانت نسخة سابقة صالحة فإنها تبقى مُدرجة مع تنبيه؛ وإلا فلا يُدرج المشروع.
outcome-invalid-action = صحّح الأخطاء المذكورة في صفحة المستودع (لكل منها السطر والعمود)، وتحقّق من الملف بأداة التحقق، ثم انشره.
outcome-unreachable = تعذّر الوصول
outcome-unreachable-meaning = لم يستجب المستودع أو موقع استضافته في الوقت المحدد، أو ردّ بخطأ في الخادم، أو حدّ من طلبات الزاحف. تبقى آخر نسخة صالحة مُدرجة.
outcome-unreachable-action = لا شيء عادةً: تُعاد المحاولة في عملية الزحف التالية. إن استمر ذلك فتحقّق من أن المستودع عام وأن الخادم متاح من الإنترنت.
outcome-too-large = كبير جدًا
outcome-too-large-meaning = تجاوز ملف publiccode.yml (الحد 1 ميبيبايت) أو البيانات المطلوب تنزيلها ما يقبله الزاحف.
outcome-too-large-action = اجعل publiccode.yml موجزًا: ضع النصوص الطويلة والصور في ملفات منفصلة وأشر إليها.
outcome-not-found = لا يوجد publiccode.yml
outcome-not-found-meaning = لم يُعثر على publiccode.yml (ولا publiccode.yaml) في جذر الفرع الافتراضي، أو أن المستودع فارغ.
outcome-not-found-action = أضف publiccode.yml في جذر الفرع الافتراضي. إن لم يكن مشروعك معدًّا للإدراج فلا حاجة إلى أي إجراء.
outcome-skipped-unchanged = دون تغيير
outcome-skipped-unchanged-meaning = لم يتغير شيء في المستودع منذ آخر عملية زحف، فلم يُنزَّل شيء. تبقى النتيجة السابقة قائمة.
outcome-skipped-unchanged-action = لا شيء. انشر تغييرًا وسيُقرأ في عملية الزحف التالية.
outcome-refused = مرفوض
outcome-refused-meaning = رفض الزاحف المحتوى لدواعٍ أمنية: مثلًا لأن publiccode.yml رابط رمزي أو وحدة فرعية، أو لأن المستودع خارج الاستضافة التي صرّحت بها الجهة الناشرة، أو لأن إعادة توجيه قادت إلى خادم آخر.
outcome-refused-action = اقرأ التفاصيل: اجعل publiccode.yml ملفًا عاديًا في المستودع، أو اطلب من منظمتك تسجيل الموقع الذي يوجد فيه المستودع.
outcome-gone = زائل
outcome-gone-meaning = لم يعد المستودع موجودًا حيث تستضيفه الجهة الناشرة. يُحتفظ بمدخله وسجله مع وسمه بأنه زائل.
outcome-gone-action = إن نُقل المستودع فسيُعثر على عنوانه الجديد في عملية الزحف التالية إذا كان في موقع مسجّل؛ وإعادة التسمية على المنصة نفسها تُبقي المدخل.
status-standing = النتيجة التي لا تزال قائمة، من عملية زحف سابقة:

assess-heading = التقييم
assess-intro = ما ينبغي أن تعرفه الوكالة قبل إعادة استخدام هذه البرمجية، محسوبًا تلقائيًا من مستودعها. تعرض كل نتيجة أدلتها.
assess-when = تاريخ التقييم
assess-none = لم تُقيَّم هذه البرمجية بعد. تُحسب التقييمات عندما يقرأ الفهرس مستودعها.
assess-evidence = الأدلة
assess-rule = القاعدة:
assess-method = المنهجية
assess-errors = فحوص تعذّر تشغيلها
assess-license-explain = الترخيص الموجود في ملفات المستودع، مقارنةً بالترخيص المصرَّح به في publiccode.yml.
assess-declared = المصرَّح به في publiccode.yml
assess-combination-unknown = عدة تراخيص، ولا يذكر المشروع ما إذا كانت تنطبق معًا أم على سبيل الاختيار: انظر الملفات أدناه.
assess-detected = المكتشف في الملفات
assess-agreement = التطابق
assess-agreement-agree = متطابقان
assess-agreement-mismatch = غير متطابقين
assess-agreement-unknown = تتعذّر المقارنة
assess-osi = مبادرة المصدر المفتوح (OSI)
assess-family = الفئة
assess-license-guide = دليل التراخيص
assess-security = ممارسات الأمان
assess-security-explain = فحوص مستوحاة من OpenSSF Scorecard، مقتصرة على ما يُظهره المستودع نفسه، يُقيَّم كل منها من 0 إلى 10 ويُرجَّح حسب الخطورة. ليست هذه نتيجة Scorecard الرسمية.
assess-check = الفحص
assess-score = الدرجة
assess-risk = الخطورة
assess-reason = السبب
assess-differs = يقيس أمرًا أضيق من فحص Scorecard الذي يحمل الاسم نفسه.
assess-inconclusive = غير حاسم
assess-inconclusive-note = تعني الشَّرطة أن الفحص لا ينطبق أو لم يكن حاسمًا.
assess-not-computed = فحوص Scorecard التي لم تُحسب، وسبب ذلك
risk-critical = حرجة
risk-high = عالية
risk-medium = متوسطة
risk-low = منخفضة
assess-vulnerabilities = الثغرات المعروفة
assess-vulnerabilities-explain = إصدارات التبعيات المثبَّتة في ملفات القفل، مقارنةً بقاعدة بيانات الثغرات OSV التي استوردها مشغّل الفهرس.
assess-vulnerabilities-count = { $count ->
    [0] لا توجد ثغرات معروفة
    [one] ثغرة معروفة واحدة
    [two] ثغرتان معروفتان
    [few] { $count } ثغرات معروفة
    [many] { $count } ثغرة معروفة
   *[other] { $count } ثغرة معروفة
}
assess-packages = { $count ->
    [0] لم تُفحص أي حزمة
    [one] فُحصت حزمة واحدة
    [two] فُحصت حزمتان
    [few] فُحصت { $count } حزم
    [many] فُحصت { $count } حزمة
   *[other] فُحصت { $count } حزمة
}
assess-not-evaluated = { $count ->
    [one] تعذّر تقييم حزمة واحدة
    [two] تعذّر تقييم حزمتين
    [few] تعذّر تقييم { $count } حزم
    [many] تعذّر تقييم { $count } حزمة
   *[other] تعذّر تقييم { $count } حزمة
}
assess-osv-as-of = بيانات OSV بتاريخ
assess-no-osv = لم تُستورد بيانات OSV: لم تُفحص الثغرات.
assess-advisory = النشرة الأمنية
assess-package = الحزمة
assess-fixed-in = صُحّحت في
assess-summary = الملخص
assess-lockfiles = ملفات القفل المقروءة
assess-vitality = نشاط الصيانة
assess-vitality-explain = مؤشر الحيوية الذي وضعته Developers Italia (من 0 إلى 100، خلال آخر 60 يومًا)، محسوبًا كما يحسبه زاحفهم لتكون الأرقام قابلة للمقارنة: يحصل كل مستودع على 46 على الأقل، ويُحتسب كل مؤلف منذ أول إيداع، لذا قد ينال مشروع مهجور درجة جيدة. اقرأه مع المؤشرات الأوضح إلى جانبه.
vitality-commits = الإيداعات في آخر 90 / 365 يومًا
vitality-authors = المؤلفون النشطون في آخر 90 / 365 يومًا
vitality-releases = الإصدارات (أحدثها)
vitality-bus-factor = عامل الحافلة (أقل عدد من الأشخاص أنجزوا نصف إيداعات العام الماضي)
vitality-days-since = الأيام منذ آخر إيداع
vitality-commits-total = مجموع الإيداعات
assess-principles = مبادئ الأمم المتحدة للمصادر المفتوحة
assess-principles-explain = كل مبدأ إما مستوفى (مع الأدلة الموجودة)، أو مصرَّح به من الجهة الناشرة، أو غير مستوفى، أو لا ينطبق. لا توجد درجة واحدة.
assess-dpg = معيار المنافع العامة الرقمية
assess-dpg-explain = المؤشرات التسعة لمعيار المنافع العامة الرقمية، لكل منها حالته وأدلته. بعضها لا يمكن إلا أن تصرّح به الجهة الناشرة.
assess-ai = تعريف الذكاء الاصطناعي مفتوح المصدر
assess-ai-explain = يبدو هذا المشروع نظامًا للذكاء الاصطناعي: هل معلَماته وشفرته والمعلومات عن بيانات تدريبه متاحة بشروط مفتوحة؟
assess-status-met = مستوفى
assess-status-declared = مصرَّح به
assess-status-missing = غير مستوفى
assess-status-not-applicable = لا ينطبق
assess-status-needs-review = يحتاج إلى مراجعة
declared-by = صرّح به { $by } ({ $role }) بتاريخ { $at }.
declared-by-without-role = صرّح به { $by } بتاريخ { $at }.
indicator-un-open-by-default = الانفتاح افتراضيًا
indicator-un-contribute-back = رد المساهمة
indicator-un-secure-by-design = الأمان من مرحلة التصميم
indicator-un-inclusive-participation = تعزيز المشاركة الشاملة والابتكار
indicator-un-design-for-reusability = التصميم لإعادة الاستخدام
indicator-un-provide-documentation = توفير التوثيق
indicator-un-rise = RISE (الاعتراف والتحفيز والدعم والتمكين)
indicator-un-sustain-and-scale = الاستدامة والتوسع
indicator-dpg-sdg-relevance = الصلة بأهداف التنمية المستدامة
indicator-dpg-open-licensing = استخدام تراخيص مفتوحة معتمدة
indicator-dpg-clear-ownership = وضوح الملكية
indicator-dpg-platform-independence = الاستقلال عن المنصات
indicator-dpg-documentation = التوثيق
indicator-dpg-data-extraction = آلية لاستخراج البيانات والمحتوى
indicator-dpg-privacy-and-laws = احترام الخصوصية والقوانين السارية
indicator-dpg-standards-best-practices = الالتزام بالمعايير وأفضل الممارسات
indicator-dpg-do-no-harm = عدم الإضرار من مرحلة التصميم
indicator-parameters = المعلَمات (الأوزان)
indicator-code = الشفرة
indicator-data-information = معلومات عن بيانات التدريب
assess-cost = كلفة إعادة البناء وقيمة إعادة الاستخدام
assess-cost-explain = ما ستكلّفه إعادة بناء هذه البرمجية، مقدَّرًا من حجمها بنموذج COCOMO الأساسي، إلى جانب عدد المنظمات التي تستخدمها بالفعل.
cost-lines = أسطر الشفرة
cost-no-code = لم تُحتسب أي شفرة مصدرية في هذا المستودع (بيانات أو وثائق أو إعدادات فقط)، لذا لا توجد تكلفة إعادة بناء لعرضها.
cost-effort = الجهد (شخص-شهر)
cost-schedule = المدة (بالأشهر)
cost-people = متوسط حجم الفريق
cost-used-by = المنظمات المستخدِمة
cost-dependents = مداخل الفهرس المبنية عليها
cost-languages = لغات البرمجة
nav-licenses = دليل التراخيص
licenses-families = فئات التراخيص
licenses-common = التراخيص الشائعة
licenses-compatibility = الجمع بين التراخيص
licenses-obligations = ما يجب عليك فعله
licenses-combine = الجمع
licenses-contents = في هذه الصفحة
licenses-compatibility-lead = هل يمكن تضمين شفرة بترخيص ما في عمل بترخيص آخر؟ الحالات الأكثر شيوعًا:
licenses-code-under = شفرة بترخيص
licenses-included-in = مضمَّنة في عمل بترخيص
licenses-answer = الجواب
licenses-note = السبب
licenses-any-license = أي ترخيص، مفتوحًا كان أو مغلقًا
licenses-closed-software = برمجيات مغلقة تُوزَّع

# Federation: provenance on the software page, exports on the about page.
listed-via = مُدرج عبر
also-listed-in = مُدرج أيضًا في
listing-read = قُرئ في
about-export-heading = التصدير والاتحاد مع الفهارس الأخرى
about-export-text = يمكن للفهارس الأخرى وبوابات البيانات ومحفوظات البحث أن تقرأ هذا الفهرس بالصيغ التي تجمعها أصلًا. كل صيغة متاحة للعموم ولا تتطلب حسابًا.
export-open-catalog = واجهة Software Catalog البرمجية
export-open-catalog-text = الواجهة البرمجية التي يستخدمها Developers Italia والفهرس السويسري وفهرس الاتحاد الأوروبي للبرمجيات المفتوحة المصدر: تتصفح الفهارس الأخرى من خلالها كل مدخل مع ملف publiccode.yml كما نُشر. ويقرأ هذا الفهرس نظراءه من خلالها أيضًا.
export-dcat = DCAT-AP 3 ‏(Turtle)
export-dcat-text = الفهرس كاملًا في صورة بيانات مترابطة لبوابات البيانات مثل data.europa.eu: سجل واحد لكل مدخل.
export-codemeta = CodeMeta ‏(JSON-LD)
export-codemeta-text = كل مدخل موصوف بمفردات CodeMeta، لفهارس البحث ومحفوظات البرمجيات.
export-dump = تفريغ JSON كامل
export-dump-text = كل المدخلات المدرجة مع ملفات publiccode.yml الأصلية، للنسخ المتطابقة دون اتصال وللتحليل.
export-atom = موجزات Atom
export-atom-text = المدخلات الجديدة والمعدلة، الأحدث أولًا، للفهرس كله ولكل منظمة.
