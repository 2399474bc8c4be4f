# 验证工具的诊断信息（commons-publiccode），简体中文。每条诊断在其 `message` 中保存英文原文，
# 与消息 id 和参数一并保存：英文句子更改时，请同步更新此处。
# 参数：$field 是标准中的键（`license`、`categories[2]`）；$value、$key、$code
# 和 $version 是文件中的文本，按原样显示；数字是计数和大小。

## 整个文件

validator-file-too-large = 文件大小为 { $size } 字节，超过 publiccode.yml 允许的 { $max } 字节
validator-invalid-utf8 = UTF-8 编码无效：偏移量 { $offset } 处的字节不是有效的 UTF-8（请将文件保存为 UTF-8）
validator-nul-bytes = 文件包含 NUL 字节：它看起来是二进制文件，而不是 YAML
validator-empty-file = publiccodeYmlVersion 是必填字段（文件为空）
validator-not-a-mapping = 文档必须是由键组成的映射（publiccodeYmlVersion: ..., name: ...）
validator-stopped = 验证在完成之前被中止
validator-more-problems-not-listed = 另有 { $total } 个问题（{ $errors } 个错误，{ $warnings } 个警告）未列出：只列出了前 { $listed } 个；请更正这些问题后重新验证

## YAML 语法（$detail 是 YAML 解析器自己对错误的英文描述）

validator-yaml-syntax = YAML 语法错误：{ $detail }
validator-yaml-multiple-documents = YAML 语法错误：不支持在一个文件中包含多个 YAML 文档
validator-yaml-too-deep = YAML 语法错误：嵌套超过 { $max } 层
validator-yaml-too-many-nodes = YAML 语法错误：文档的节点超过 { $max } 个（键、值和列表项；别名每使用一次，都会再次计入其值的节点）
validator-yaml-aliases-too-large = YAML 语法错误：别名展开后的文本超过 { $max } 字节（是否有别名过于频繁地重复一个很大的值？）
validator-yaml-unknown-anchor = YAML 语法错误：别名引用了未知的锚点
validator-yaml-key-not-scalar = YAML 语法错误：映射的键必须是普通值，不能是列表或映射
validator-yaml-duplicate-key = YAML 语法错误：键 "{ $key }" 重复：每个键只能出现一次

## publiccodeYmlVersion

validator-version-missing = publiccodeYmlVersion 是必填字段（请写 publiccodeYmlVersion: "0"）
validator-version-not-text = 此字段类型错误：publiccodeYmlVersion 必须是文本；请加上引号（publiccodeYmlVersion: "0"）
validator-version-unsupported = 不支持的版本：'{ $version }'。支持的版本：{ $supported }
validator-version-not-latest = v{ $version } 不是最新版本，请使用 '0'。将按 v{ $latest } 解析此文件。

## 类型和键（先说明该键需要什么，再说明文件中是什么）

validator-wrong-type = 此字段类型错误
validator-wrong-type-mapping-list = 此字段类型错误：应为映射，实际为列表
validator-wrong-type-mapping-text = 此字段类型错误：应为映射，实际为文本
validator-wrong-type-mapping-boolean = 此字段类型错误：应为映射，实际为布尔值
validator-wrong-type-mapping-number = 此字段类型错误：应为映射，实际为数字
validator-wrong-type-text-list = 此字段类型错误：应为文本，实际为列表
validator-wrong-type-text-mapping = 此字段类型错误：应为文本，实际为映射
validator-wrong-type-boolean-text = 此字段类型错误：应为 true 或 false，实际为文本（请写不带引号的 true 或 false；在 YAML 1.2 中，yes/no/on/off 是文本）
validator-wrong-type-boolean-number = 此字段类型错误：应为 true 或 false，实际为数字
validator-wrong-type-boolean-list = 此字段类型错误：应为 true 或 false，实际为列表
validator-wrong-type-boolean-mapping = 此字段类型错误：应为 true 或 false，实际为映射
validator-wrong-type-list-mapping = 此字段类型错误：应为列表，实际为映射
validator-wrong-type-list-text = 此字段类型错误：应为列表，实际为文本
validator-wrong-type-list-boolean = 此字段类型错误：应为列表，实际为布尔值
validator-wrong-type-list-number = 此字段类型错误：应为列表，实际为数字
validator-unknown-field = 未知字段 "{ $field }"：标准在此处没有这个键（请检查拼写和大小写）

## 值（标准的规则）

validator-required = { $field } 是必填字段
# $choices 是除最后一个以外的允许值，加引号并以逗号分隔（"a", "b"）；$last 是最后一个（"c"）。
validator-one-of = { $field } 必须是以下值之一：{ $choices } 或 { $last }
validator-not-http-url = { $field } 必须是 HTTP URL（带主机名的 http:// 或 https://），而不是 '{ $value }'
validator-not-a-date = { $field } 必须是格式为 'YYYY-MM-DD' 的日期，而不是 '{ $value }'
validator-not-an-email = { $field } 必须是有效的电子邮件地址
validator-too-long = { $field } 的长度不得超过 { $max } 个字符（现为 { $length } 个）
validator-too-short = { $field } 的长度至少应为 { $min } 个字符（现为 { $length } 个）
validator-url-invalid = url 必须是有效的 URL，而不是 '{ $value }'
validator-not-a-url = { $field } 必须是有效的 URL
validator-not-a-mime-type = { $field } 不是有效的 MIME 类型
validator-platforms-empty = platforms 必须至少包含一项（例如：web, linux, windows, mac, android, ios）
validator-unknown-category = { $field } 必须是有效的类别，'{ $value }' 不是（参见 https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst）
validator-unknown-alias = id 包含未知的别名 '{ $value }'（参见 https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst）
validator-support-id-invalid = id 必须是已知的别名（'alias:<name>'）或有效的 URI（URL 或 URN）
validator-organisation-uri-invalid = uri 不是有效的 URI：请使用该组织网站的 URL 或 URN
validator-organisation-uri-ipa = uri 必须是有效的意大利公共行政机构代码（iPA），格式为 'urn:x-italian-pa:[codiceIPA]'（参见 https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary）
validator-unknown-scope = { $field } 必须是有效的领域，'{ $value }' 不是（参见 https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst）
validator-not-a-country = { $field } 必须是有效的 ISO 3166-1 alpha-2 两字母国家代码，'{ $value }' 不是
validator-description-empty = description 必须至少包含一项：请至少用一种语言描述该软件
validator-description-language = description 的语言必须是有效的 BCP 47 语言标签，'{ $value }' 不是（请写 en, en-GB, fr, zh-Hans, ...）
validator-features-empty = features 必须至少包含一项：请列出软件的主要功能
validator-video-not-http-url = { $field } 必须是 HTTP URL
validator-video-not-oembed = '{ $value }' 不是支持 oEmbed 的有效视频 URL：请链接到 YouTube、Vimeo、Dailymotion 或 PeerTube 等平台上的视频页面
validator-license-invalid = license 必须是有效的许可证，'{ $value }' 不是 SPDX 表达式（标识符见 https://spdx.org/licenses，可用 AND、OR、WITH 组合）
# $type 是维护类型，按标准中的写法：community 或 internal。
validator-contacts-required = 当 "type" 为 "{ $type }" 时，contacts 是必填字段
validator-contractors-required = 当 "type" 为 "contract" 时，contractors 是必填字段
validator-contractors-not-allowed = 除非 "type" 为 "contract"，否则不得出现 contractors
validator-localisation-ready-required = localisationReady 是必填字段（true 或 false）
validator-available-languages-empty = availableLanguages 必须至少包含一项
validator-not-a-language = { $field } 必须是有效的 BCP 47 语言标签，'{ $value }' 不是
# 该键（logo、screenshots、authorsFile）显示在消息旁边。
validator-absolute-path = 是绝对路径。只允许使用相对路径或 HTTP(s) URL
validator-file-url = 是 file:// URL。只允许使用相对路径或 HTTP(s) URL
validator-codice-ipa-invalid = codiceIPA 必须是有效的意大利公共行政机构代码（iPA）（参见 https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary）
validator-it-duplicate = 'IT' 键已存在。请删除此键

## 弃用（警告）

validator-deprecated-drop = 此键已弃用，将来会被移除。可以放心删除
# $key 是应改用的键（logo、organisation.name）。
validator-deprecated-use = 此键已弃用，将来会被移除。请改用 '{ $key }'
validator-country-lowercase = 小写国家代码已弃用。请改用大写（'{ $code }'）
validator-it-lowercase = 小写国家代码已弃用，将来会被移除。请改用 'IT'
validator-codice-ipa-deprecated = 此键已弃用，将来会被移除。请改用 'organisation.uri'，并将其设为 'urn:x-italian-pa:{ $code }'
