# دليل التراخيص باللغة العربية (ترجمة locales/en/licenses.ftl).

guide-title = اختيار تراخيص المصادر المفتوحة وإعادة استخدامها
guide-intro = يتيح لك كل ترخيص مفتوح المصدر استخدام البرمجية ودراستها وتعديلها ومشاركتها. وتختلف التراخيص فيما تطلبه منك عند المشاركة، وفي التراخيص الأخرى التي يمكن الجمع بينها وبينها. يشرح هذا الدليل التراخيص الأكثر شيوعًا في الفهرس.
guide-disclaimer = هذا الدليل إرشاد لقرارات إعادة الاستخدام، وليس استشارة قانونية. اطلب الرأي النهائي من مكتبك القانوني.

## Families

family-permissive = متساهل
family-permissive-explain = يجوز لك استخدام البرمجية وتعديلها وإعادة توزيعها، حتى داخل برمجيات مغلقة، ما دمت تحتفظ بإشعارات حقوق النشر والترخيص. وهو الأسهل في إعادة الاستخدام والجمع.
family-weak-copyleft = حقوق متروكة ضعيفة
family-weak-copyleft-explain = يجب مشاركة التعديلات على الملفات (أو المكتبة) المرخّصة بالترخيص نفسه عند توزيعها؛ أما شفرتك التي تستخدمها أو ترتبط بها فحسب فيمكن أن تحتفظ بترخيصها.
family-strong-copyleft = حقوق متروكة قوية
family-strong-copyleft-explain = إذا وزّعت البرمجية أو عملًا مبنيًا عليها، فيجب إصدار العمل كله بالترخيص نفسه مع شفرته المصدرية. أما الاستخدام الداخلي دون توزيع فلا يُنشئ أي التزام.
family-network-copyleft = حقوق متروكة شبكية
family-network-copyleft-explain = كالحقوق المتروكة القوية، ويُعدّ تقديم البرمجية للمستخدمين عبر شبكة (خدمة ويب) توزيعًا: يجب أن تتيح لهم الشفرة المصدرية لنسختك.
family-unknown = غير معروف
family-unknown-explain = لم يتمكن Commons من تصنيف هذا الترخيص. استشر مكتبك القانوني قبل إعادة الاستخدام.

## Common licenses

license-MIT-summary = MIT: ترخيص قصير ومتساهل.
license-MIT-obligations = احتفظ بإشعار حقوق النشر ونص الترخيص في النسخ.
license-MIT-combine = يمكن الجمع بينه وبين شفرة بأي ترخيص، مفتوحًا كان أو مغلقًا.

license-Apache-2_0-summary = Apache 2.0: ترخيص متساهل مع منح صريح لحقوق براءات الاختراع.
license-Apache-2_0-obligations = احتفظ بالإشعارات وبملف NOTICE، واذكر الملفات التي غيّرتها. يمنح المساهمون ترخيص براءات ينتهي لكل من يرفع دعوى براءات بشأن البرمجية.
license-Apache-2_0-combine = يمكن الجمع بينه وبين معظم التراخيص، ومنها GPL-3.0 (وليس GPL-2.0-only).

license-BSD-3-Clause-summary = BSD 3-Clause: ترخيص متساهل.
license-BSD-3-Clause-obligations = احتفظ بإشعار حقوق النشر وإخلاء المسؤولية، ولا تستخدم أسماء المؤلفين للترويج لمنتجك.
license-BSD-3-Clause-combine = يمكن الجمع بينه وبين شفرة بأي ترخيص.

license-BSD-2-Clause-summary = BSD 2-Clause: ترخيص متساهل.
license-BSD-2-Clause-obligations = احتفظ بإشعار حقوق النشر وإخلاء المسؤولية.
license-BSD-2-Clause-combine = يمكن الجمع بينه وبين شفرة بأي ترخيص.

license-ISC-summary = ISC: ترخيص متساهل يعادل MIT عمليًا.
license-ISC-obligations = احتفظ بإشعار حقوق النشر وإشعار الإذن.
license-ISC-combine = يمكن الجمع بينه وبين شفرة بأي ترخيص.

license-MPL-2_0-summary = ترخيص موزيلا العام 2.0: حقوق متروكة ضعيفة على مستوى الملف.
license-MPL-2_0-obligations = عند التوزيع، شارك بترخيص MPL الشفرة المصدرية لملفات MPL التي غيّرتها. ويمكن أن تحمل ملفاتك الخاصة أي ترخيص.
license-MPL-2_0-combine = يمكن الجمع بينه وبين شفرة مغلقة، وافتراضيًا مع شفرة GPL وLGPL.

license-LGPL-2_1-only-summary = GNU LGPL 2.1: حقوق متروكة ضعيفة للمكتبات.
license-LGPL-2_1-only-obligations = شارك التعديلات على المكتبة بترخيص LGPL، واسمح للمستخدمين باستبدال المكتبة في منتجك (بالربط الديناميكي مثلًا).
license-LGPL-2_1-only-combine = يمكن أن تستخدمه تطبيقات مغلقة؛ وتبقى التعديلات على المكتبة بترخيص LGPL.

license-LGPL-3_0-only-summary = GNU LGPL 3.0: حقوق متروكة ضعيفة للمكتبات.
license-LGPL-3_0-only-obligations = كترخيص LGPL 2.1، مع معلومات التثبيت للأجهزة الاستهلاكية.
license-LGPL-3_0-only-combine = يمكن أن تستخدمه تطبيقات مغلقة؛ وتبقى التعديلات على المكتبة بترخيص LGPL.

license-EPL-2_0-summary = ترخيص إكليبس العام 2.0: حقوق متروكة ضعيفة على مستوى الوحدة.
license-EPL-2_0-obligations = شارك الشفرة المصدرية لوحدات EPL المعدّلة عند توزيعها.
license-EPL-2_0-combine = يمكن الجمع بينه وبين شفرة أخرى في وحدات منفصلة؛ ولا يتوافق مع GPL إلا إذا ذُكر الترخيص الثانوي.

license-GPL-2_0-only-summary = GNU GPL 2.0: حقوق متروكة قوية.
license-GPL-2_0-only-obligations = وزّع العمل كله بترخيص GPL 2.0 مع شفرته المصدرية.
license-GPL-2_0-only-combine = لا يتوافق مع شفرة Apache 2.0 أو GPL 3.0 (ما لم يُذكر «أو أي إصدار لاحق»).

license-GPL-3_0-only-summary = GNU GPL 3.0: حقوق متروكة قوية.
license-GPL-3_0-only-obligations = وزّع العمل كله بترخيص GPL 3.0 مع شفرته المصدرية ومعلومات التثبيت؛ ويشمل منحًا لحقوق البراءات.
license-GPL-3_0-only-combine = يمكن أن يضم شفرة Apache 2.0 وMIT وBSD وLGPL وMPL؛ ويكون الناتج بترخيص GPL 3.0.

license-AGPL-3_0-only-summary = GNU Affero GPL 3.0: حقوق متروكة شبكية.
license-AGPL-3_0-only-obligations = كترخيص GPL 3.0، وإذا تفاعل المستخدمون مع نسخة معدّلة عبر شبكة فأتِح لهم شفرتها المصدرية.
license-AGPL-3_0-only-combine = يمكن أن يضم شفرة GPL 3.0 وشفرة بتراخيص متساهلة؛ ويكون الناتج بترخيص AGPL 3.0.

license-EUPL-1_2-summary = ترخيص الاتحاد الأوروبي العام 1.2: حقوق متروكة، وُضع للإدارات العامة، ورسمي بكل لغات الاتحاد الأوروبي.
license-EUPL-1_2-obligations = شارك بترخيص EUPL الشفرة المصدرية للعمل ولتعديلاتك عند توزيعه أو تقديمه عبر شبكة.
license-EUPL-1_2-combine = يسمح بند التوافق فيه بالجمع مع شفرة بتراخيص GPL وLGPL وAGPL وMPL وEPL وغيرها من التراخيص المدرجة، وفق ذلك الترخيص الآخر.

license-Unlicense-summary = The Unlicense: تخصيص للملك العام.
license-Unlicense-obligations = لا شيء.
license-Unlicense-combine = يمكن الجمع بينه وبين شفرة بأي ترخيص.

license-CC0-1_0-summary = CC0 1.0: تخصيص للملك العام، يُستخدم غالبًا للبيانات والتوثيق.
license-CC0-1_0-obligations = لا شيء (لا تُمنح حقوق البراءات: يُفضَّل ترخيص آخر للشفرة).
license-CC0-1_0-combine = يمكن الجمع بينه وبين أي شيء.

## Compatibility

compat-yes = نعم
compat-no = لا
compat-depends = حسب الحالة (اقرأ الملاحظات)
compat-permissive-any = يمكن تضمين الشفرة ذات الترخيص المتساهل في أعمال بأي ترخيص.
compat-weak-closed = يمكن أن تستخدم البرمجيات المغلقة شفرةً ذات حقوق متروكة ضعيفة إذا بقيت ملفاتها بترخيصها.
compat-strong-closed = لا يمكن تضمين شفرة ذات حقوق متروكة قوية في برمجيات مغلقة تُوزَّع.
compat-gpl2-gpl3 = لا يمكن الجمع بين شفرة GPL-2.0-only وشفرة GPL-3.0؛ ويمكن أن يصبح «GPL-2.0-or-later» بترخيص GPL-3.0.
compat-apache-gpl2 = لا يمكن تضمين شفرة Apache 2.0 في أعمال GPL-2.0-only (بسبب شروط البراءات)؛ ويمكن تضمينها في أعمال GPL-3.0.
compat-agpl-service = إذا شغّلت برمجية بترخيص AGPL بوصفها خدمة عامة، فانشر تعديلاتك.
compat-eupl = عند الجمع، يمكن نقل أعمال EUPL إلى ترخيص متوافق مدرج في ملحقه.

## Assessment statuses

license-mismatch = الترخيص المصرَّح به في publiccode.yml وملفات الترخيص غير متطابقين.
license-not-recognised = لم يُتعرَّف على نص الترخيص بثقة كافية؛ ينبغي أن يقرأه شخص.
license-osi-approved = معتمد من مبادرة المصدر المفتوح (OSI).
license-not-osi-approved = غير معتمد من مبادرة المصدر المفتوح (OSI).
