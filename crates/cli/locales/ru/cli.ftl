# Собственные слова командной строки — русский.

## commons validate

validate-summary = Файлов: { $files }; корректных: { $valid }, некорректных: { $invalid }; ошибок: { $errors }, предупреждений: { $warnings }
severity-error = ошибка
severity-warning = предупреждение
