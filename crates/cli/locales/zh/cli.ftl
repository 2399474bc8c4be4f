# 命令行自身的文字 — 中文。

## commons validate

validate-summary = { $files } 个文件：{ $valid } 个有效，{ $invalid } 个无效；{ $errors } 个错误，{ $warnings } 个警告
severity-error = 错误
severity-warning = 警告
