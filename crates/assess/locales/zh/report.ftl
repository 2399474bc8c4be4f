# 评估报告（commons-assess）中的句子。英文是方法本身的文本：
# 报告会将其与每个消息 id 一并保存，因此句子更改时请保持两者同步。
# 反引号中的参数是命令、文件或标识符，按原样显示。

## 安全检查（参照 OpenSSF Scorecard）

security-binary-none = 文件树中没有二进制制品
security-binary-found = 已签入 { $count } 个二进制制品
security-binary-too-many = 候选文件超过 20,000 个；其余文件未检查
evidence-binary-bytes = { $bytes } 字节，非文本
security-no-workflows = 没有工作流
security-dangerous-none = 没有危险的工作流模式
security-dangerous-found = { $count } 个危险模式
evidence-script-injection = 作业 { $job }：`run` 展开了不可信的 { $context }
evidence-untrusted-checkout = 作业 { $job }：特权触发器（{ $triggers }）检出了拉取请求的代码（{ $reference }）
security-update-tool-none = 没有 Dependabot、Renovate、PyUp 或 Scala Steward 配置
security-update-tool-found = 已配置依赖更新工具
evidence-configuration-file = 配置文件
evidence-clusterfuzzlite = ClusterFuzzLite 配置
evidence-fuzzer-signature = { $language } 模糊测试：`{ $signature }`
security-fuzzing-none = 未发现模糊测试（离线状态下不检查是否加入 OSS-Fuzz）
security-fuzzing-found = 已设置模糊测试
evidence-license-file = 许可证文件
security-license-none = 没有许可证文件
security-license-approved = 顶层目录有许可证文件，且识别为经 OSI/FSF 批准的许可证
security-license-partial = 找到许可证文件，但不在顶层目录，或未识别为经批准的许可证
security-history-not-read = 未读取历史
security-maintained-young = 第一次提交距今不足 90 天
security-maintained-commits = 最近 90 天有 { $count } 次提交（目标：每周一次）
evidence-commits-only = 仅统计提交：归档状态和议题活动属于代码托管平台数据
evidence-unpinned-action = 作业 { $job }：`{ $action }` 未固定到完整的提交哈希
evidence-pipe-to-shell = 作业 { $job }：`{ $line }` 将下载内容通过管道传给 shell
evidence-pip-without-hashes = 作业 { $job }：`{ $line }` 安装时未使用 --require-hashes
evidence-npm-install = 作业 { $job }：`{ $line }`（请使用 `npm ci` 按锁定文件安装）
evidence-go-install-unpinned = 作业 { $job }：`{ $line }` 安装时未固定版本
evidence-unpinned-image = `FROM { $image }` 未按摘要固定
security-pinned-none = 工作流和 Dockerfile 中没有依赖项
security-pinned-count = { $total } 个依赖项中有 { $pinned } 个已固定（加权 { $pinnedWeight }/{ $totalWeight }）
evidence-sast-step = 作业 { $job }：{ $step }
evidence-sast-gitlab = 已包含 GitLab SAST 模板
security-sast-none = CI 中没有静态分析工具
security-sast-found = 静态分析在 CI 中运行（每次更改的覆盖情况属于代码托管平台数据，未检查）
security-policy-none = 没有 SECURITY.md
security-policy-unreadable = 安全策略无法读取
security-policy-found = 找到安全策略：{ $contacts } 个联系方式，{ $mentions } 处提及漏洞/披露/时限
evidence-security-policy = 安全策略
security-no-tags = 没有标签
security-signed-count = 最近 { $count } 个标签中有 { $signed } 个带有签名（未验证）
evidence-tag-signed = 标签 { $tag }：已签名
evidence-tag-unsigned = 标签 { $tag }：未签名
evidence-permissions-read = 顶层权限为只读
evidence-permissions-write = 顶层权限授予写入权限
evidence-permissions-per-job = 没有顶层权限，但每个作业都声明了各自的权限
evidence-permissions-default = 未声明权限：令牌获得仓库的默认权限（通常为写入）
security-permissions-read = 每个工作流都在顶层将令牌限制为只读
security-permissions-write = 有工作流使令牌保留写入权限
security-ci-none = 没有 CI 配置
security-ci-no-tests = 已配置 CI，但没有步骤提及测试
security-ci-tests = 已配置 CI，并运行测试
evidence-ci-config = CI 配置（Scorecard 检查已合并 PR 的 CI 结果；Commons 检查配置）
security-vulnerabilities-no-database = 未导入 OSV 导出数据（commons osv import）
security-vulnerabilities-count = 锁定的依赖项中有 { $count } 个已知漏洞

## 检查无法使用的文件

error-unreadable = { $file }：无法读取
error-unreadable-or-binary = { $file }：无法读取或非文本
error-policy-unreadable = { $file }：不是可读的文本文件（不跟随链接）
error-not-regular-file = { $file }：不是普通文件（不跟随符号链接）
error-not-utf8 = { $file }：不是 UTF-8 文本
error-too-many-lockfiles = 锁定文件超过 { $limit } 个；其余文件未读取
error-too-many-workflows = 工作流文件超过 { $limit } 个；其余文件未读取

## 无法读取或解析的文件：git 和解析器的原文按原样保留在
## $detail 中

error-git-spawn = 无法运行 git：{ $detail }
error-not-a-repository = { $file } 不是 git 仓库：{ $detail }
error-empty-repository = 仓库的 HEAD 上没有提交
error-git-failed = git { $command } 失败：{ $detail }
error-git-timeout = git { $command } 运行超过 { $seconds } 秒，已被终止
error-file-too-large = { $file } 为 { $size } 字节，超过单个文件的读取上限 { $limit } 字节
error-history-failed = 读取历史失败：{ $detail }
error-deadline-passed = 评估耗时超过 { $seconds } 秒，已被终止
error-read-budget-spent = { $file }：未读取，评估已读取 { $limit } 字节，达到其上限
error-git-read = 从 git 读取时出错：{ $detail }
error-file-not-read = { $file }：未读取：{ $detail }
error-tags-not-read = 未读取标签：{ $detail }
error-syntax = { $file }:{ $line }:{ $column }：{ $detail }
error-skipped-too-deep = { $file }：已跳过：嵌套超过 { $limit } 层（第 { $line } 行）
error-skipped-too-many-nodes = { $file }：已跳过：别名展开后超过 { $limit } 个节点（第 { $line } 行）
error-skipped-too-large = { $file }：已跳过：别名展开后超过 { $limit } 字节（第 { $line } 行）
error-invalid-json = { $file }:{ $line }:{ $column }：无效的 JSON：{ $detail }
error-invalid-toml = { $file }：无效的 TOML：{ $detail }
error-invalid-xml = { $file }：第 { $position } 字节处的 XML 无效：{ $detail }
error-xml-too-deep = { $file }：元素嵌套超过 { $limit } 层（第 { $position } 字节）
error-binary-lockfile = { $file }：二进制内容，不是锁定文件
error-binary-manifest = { $file }：二进制内容，不是清单文件
error-too-many-packages = { $file }：软件包超过 { $limit } 个；未使用该锁定文件

## 维护活跃度

evidence-history-walk = 从 HEAD { $head } 可到达 { $count } 次提交；作者按 .mailmap 处理后的电子邮件地址识别
evidence-last-commit = 按作者日期排列的最新提交
error-history-cut = 历史在 { $count } 次提交后截断（上限或时限）

## 成本

evidence-cocomo-counting = 在 HEAD { $head } 统计了 { $files } 个文件；排除 { $excluded } 个（第三方、生成的文件、锁定文件）；跳过 { $large } 个超过 1 MiB 的文件
error-too-many-source-files = 源文件超过 { $limit } 个；其余文件未统计

cost-method-basic-cocomo-organic = basic-cocomo-organic：工作量 = 2.4 * KSLOC^1.05 人月，工期 = 2.5 * 工作量^0.38 月，成本 = 工作量 * 年薪/12 * 管理费用系数；代码行数由 tokei 统计（不含空行和注释；不包括文档类、数据类和配置类格式，以及第三方文件和压缩文件）

## 原则和指标：找到的内容

evidence-file-present = 文件存在
evidence-documentation-directory = 文档目录
evidence-publiccode-valid = 有效的 publiccode.yml
evidence-no-proprietary-dependency = dependsOn.proprietary 未列出强制依赖项
evidence-osi-approved = { $license } 经 OSI 批准
evidence-osi-approved-files = 每个许可证文件的许可证均经 OSI 批准（{ $licenses }）
evidence-no-known-vulnerabilities = { $packages } 个锁定的软件包，均未受影响（OSV 数据截至 { $date }）
evidence-security-score = 类 Scorecard 综合得分 { $score }
evidence-active-maintainers = 最近 365 天内由 { $people } 人完成 { $commits } 次提交

## 整个仓库

error-tree-truncated = HEAD 的文件树超过列表上限；之后的文件未被查看
error-publiccode-not-regular = { $file }：不是普通文件（不跟随符号链接）
error-publiccode-invalid = { $file }:{ $line }:{ $column }：{ $problem }（运行 `commons validate` 查看所有问题）

## 开源人工智能定义

evidence-ai-keyword = 提及“{ $word }”
evidence-ai-weights-bytes = { $bytes } 字节的模型参数
evidence-model-card = 模型卡
error-model-card-binary = { $file }：二进制文件，不是模型卡
evidence-weights-file = 权重文件
evidence-weights-license-restrictive = 模型卡许可证 `{ $license }` 限制使用
evidence-weights-license-approved = 模型卡许可证 `{ $license }` 经 OSI 批准
evidence-weights-license-unknown = 模型卡许可证 `{ $license }` 不是经 OSI 批准的 SPDX 标识符
evidence-weights-repository-license = 模型卡中没有许可证；假定仓库经 OSI 批准的许可证涵盖权重
evidence-training-code = 训练代码
evidence-data-card = 数据卡 / 数据说明书
evidence-model-card-training-data = 模型卡描述了其训练数据

## 许可证

evidence-license-text-match = 文本与 { $license } 匹配（Dice { $score }）
evidence-license-near-copy-scores = { $copy }（{ $license } 的近乎原样副本，只是名称不同）也得分 { $copyScore }；{ $license } 得分 { $score }，予以采用
evidence-license-variant = { $license } 是 { $common } 的近乎原样副本，只是名称不同，而该文本与 { $license } 的匹配度高于与 { $common } 的匹配度
evidence-license-statement = 不是许可证文本；它声明了项目的许可证：{ $expression }
evidence-license-combination = 许可证文件包含 { $licenses }，但 publiccode.yml、清单文件、README 和源文件头均未说明它们是同时适用（AND）还是任选其一（OR）
evidence-project-declaration-states = { $field }：“{ $written }”声明了 { $expression }
evidence-project-declaration-names-file = { $field }：“{ $written }”指定 { $file } 为许可证文本
evidence-project-declaration-problem = { $field }：“{ $written }”不是 SPDX 表达式：{ $problem }
evidence-project-declaration-none = { $field }：“{ $written }”不是 SPDX 表达式
license-file-symlink = 是符号链接；不跟随链接
license-file-not-regular = 不是普通文件
license-file-binary = 是二进制文件，不是许可证文本（偏移量 { $offset } 处的字节不是文本）
license-file-not-recognised = 未能识别文本（最佳匹配为 { $candidate }，得分 { $score }，低于 { $threshold }）
license-file-no-match = 未能识别文本（没有候选许可证，低于 { $threshold }）
error-license-file-symlink = { $file }：是符号链接；不跟随链接
error-license-file-not-regular = { $file }：不是普通文件
error-license-file-binary = { $file }：是二进制文件，不是许可证文本（偏移量 { $offset } 处的字节不是文本）
error-license-file-not-recognised = { $file }：未能识别文本（最佳匹配为 { $candidate }，得分 { $score }，低于 { $threshold }）
error-license-file-no-match = { $file }：未能识别文本（没有候选许可证，低于 { $threshold }）
license-mismatch-files-unmentioned = 许可证文件包含 { $licenses }，但 legal.license（{ $declared }）未提及这些许可证
license-mismatch-declared-invalid = legal.license（{ $declared }）不是有效的 SPDX 表达式
license-mismatch-no-file = 已声明 legal.license，但未识别出任何许可证文件
license-mismatch-project-declaration = { $file } 的 { $field } 声明了 { $expression }，与 legal.license（{ $declared }）不符
license-mismatch-files-unmentioned-by-project = 许可证文件包含 { $licenses }，但 { $file } 的 { $field }（{ $expression }）未提及这些许可证

## Commons 针对每项原则和指标考察的内容（其规则）

rule-un-open-by-default = 经 OSI 批准的许可证和 publiccode.yml
rule-un-contribute-back = CONTRIBUTING 指南（对上游的贡献由发布方声明）
rule-un-secure-by-design = 安全策略、依赖更新工具，且锁定的依赖项中没有已知漏洞
rule-un-inclusive-participation = 行为准则和 CONTRIBUTING 指南
rule-un-design-for-reusability = 没有强制专有依赖项的 publiccode.yml
rule-un-provide-documentation = 有一定内容的 README、docs/ 目录，或 publiccode.yml 中的文档链接
rule-un-rise = AUTHORS、CONTRIBUTORS、all-contributors 或 CITATION 文件
rule-un-sustain-and-scale = 最近一年内有两人或以上的提交，且 publiccode.yml 中声明了维护方式
rule-dpg-sdg-relevance = 由发布方声明（可持续发展目标及本软件如何服务于这些目标）
rule-dpg-open-licensing = 经 OSI 批准的许可证
rule-dpg-clear-ownership = publiccode.yml 中的 legal.mainCopyrightOwner 或 legal.repoOwner，或 REUSE 元数据
rule-dpg-platform-independence = publiccode.yml 中没有强制专有依赖项（dependsOn.proprietary）
rule-dpg-documentation = 有一定内容的 README、docs/ 目录，或 publiccode.yml 中的文档链接
rule-dpg-data-extraction = 由发布方声明（以非专有格式导入/导出），或不适用
rule-dpg-privacy-and-laws = 由有权代表项目发言的人证明
rule-dpg-standards-best-practices = publiccode.yml 元数据，以及不低于 5 分的类 Scorecard 安全得分
rule-dpg-do-no-harm = 由有权代表项目发言的人证明（隐私、内容、骚扰）

## 未根据克隆副本计算的 Scorecard 检查及原因

not-computed-Branch-Protection = 分支保护规则位于代码托管平台的设置中（管理 API），不在 git 中
not-computed-Code-Review = 已合并更改的评审和批准属于代码托管平台数据
not-computed-Contributors = 需要代码托管平台个人资料中的作者所属组织
not-computed-CII-Best-Practices = 需要 OpenSSF 最佳实践徽章 API（网络）
not-computed-Webhooks = Webhook 设置需要代码托管平台的管理令牌
not-computed-Packaging = 上游还会检查发布工作流是否成功运行（代码托管平台 API）
not-computed-SBOM = 一半得分来自发布资产（代码托管平台 API）；源代码部分尚未计算
