# كلمات سطر الأوامر نفسه — العربية.

## commons validate

validate-summary = عدد الملفات: { $files }؛ الصالحة: { $valid }، غير الصالحة: { $invalid }؛ الأخطاء: { $errors }، التحذيرات: { $warnings }
severity-error = خطأ
severity-warning = تحذير
