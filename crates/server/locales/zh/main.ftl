# Commons 网页界面 — 中文。

site-name = Commons 联合国开源软件目录
site-tagline = 联合国系统和公共机构共享的软件
skip-to-content = 跳至主要内容
language-switcher = 语言
main-navigation = 主导航
menu = 菜单
nav-software = 软件
nav-organisations = 组织
nav-validate = 验证 publiccode.yml
nav-about = 关于
footer-text = 本目录收录联合国实体和其他公共组织通过 publiccode.yml 文件发布的开源软件。
footer-api = 开放 API（JSON）

search-label = 搜索目录
search-placeholder = 按名称、用途或关键词搜索，任何语言均可
search-button = 搜索

home-title = 查找可重复使用的软件
home-heading = 查找可重复使用的开源软件
home-lead = 在开发之前，先看看其他联合国实体和公共机构已经建成并以开源方式共享的软件。
home-stats-software = { $count } 个软件解决方案
home-stats-organisations = 来自 { $count } 个组织
home-browse = 浏览
home-recent = 最近更新
home-see-all = 查看全部软件
home-publish-heading = 发布您的软件
home-publish-text = 在您的代码库中添加 publiccode.yml 文件，目录即可找到它。请先用验证工具检查该文件。

results-title = 软件目录
results-title-query = “{ $query }”的搜索结果
results-count = { $count ->
    [0] 没有结果
   *[other] { $count } 个结果
}
results-none = 没有与此搜索匹配的软件。请减少关键词或移除筛选条件。
results-browse-all = 浏览全部软件
filters = 筛选
filters-active = 已选筛选条件
filters-clear = 清除全部筛选条件
filter-remove = 移除筛选条件
filter-selected = 已选
facet-more = 再显示 { $count } 项
facet-organisation = 组织
facet-category = 类别
facet-license = 许可证
facet-developmentStatus = 开发状态
facet-softwareType = 软件类型
facet-platform = 平台
facet-maintenanceType = 维护
facet-language = 语言
facet-country = 国家
facet-scope = 领域
facet-licenseFamily = 许可证类别
facet-osiApproved = OSI 批准的许可证
facet-vitality = 维护活跃度（活力指数）
facet-securityScore = 安全实践得分
facet-vulnerabilities = 已知漏洞
facet-vulnerabilities-yes = 已发现
facet-vulnerabilities-no = 未发现
sort-label = 排序方式
sort-relevance = 相关性
sort-name = 名称
sort-updated = 最近更新
sort-vitality = 维护活跃度
sort-security = 安全实践
signal-list = 评估摘要
signal-not-assessed = 尚未评估
signal-security = 安全实践 { $score } 分（满分 10）
signal-vitality = 维护活跃度 { $band }（满分 100）
signal-last-commit = 最近提交于 { $date }
signal-vulnerabilities-unknown = 未检查漏洞
signal-license-osi = { $family }许可证，经 OSI 批准
signal-used-by = { $count ->
   *[other] 已有 { $count } 个组织使用
}
sort-apply = 排序
pagination = 分页
page = 页码
page-previous = 上一页
page-next = 下一页
updated = 更新于
details = 详细信息

published-by = 发布者：
logo-of = { $name } 的标志
repository-link = 源代码
website-link = 网站
problem-heading = 此项目最新的 publiccode.yml 含有错误
description = 说明
description-fallback = 此说明没有中文版本。显示语言：{ $language }。
description-languages = 其他语言的说明
features = 主要功能
screenshots = 屏幕截图
screenshot-n = 屏幕截图 { $count }
videos-awards = 视频和奖项
maintenance = 维护
maintenance-type = 维护方
contractors = 承包商
contract-until = 合同有效期至
contacts = 联系人
dependencies = 依赖项
dependency-name = 名称
dependency-kind = 类型
dependency-versions = 版本
dependency-optional = 可选
dependency-open = 开源
dependency-proprietary = 专有
dependency-hardware = 硬件
warnings = 警告
warnings-text = 该 publiccode.yml 有效，以下说明供其维护者参考。
history = 修订历史
revision = 修订
revision-date = 日期
revision-commit = 提交
revision-version = 标准版本
revision-status = 状态
revision-live = 当前
revision-valid = 有效
revision-errors = { $count } 个错误
revision-warnings = { $count } 个警告
at-a-glance = 概览
repository = 代码库
version = 版本
version-newer-release = 代码仓库中有更新的发布：{ $release }
release-date = 发布日期
license = 许可证
copyright-owner = 版权所有者
repo-owner = 代码库所有者
development-status = 开发状态
software-type = 软件类型
application-suite = 套件
categories = 类别
platforms = 平台
intended-audience = 领域
countries = 国家
unsupported-countries = 不适用于
available-languages = 可用语言
localisation-ready = 支持翻译
used-by = 使用方
funded-by = 资助方
supports = 支持
based-on = 基于
documentation = 文档
api-documentation = API 文档
roadmap = 路线图
standard-version = publiccode.yml 版本
input-types = 输入格式
output-types = 输出格式
it-platforms = 意大利国家平台
it-ipa-code = iPA 代码（意大利）
yes = 是
no = 否
line = 行

organisations-title = 组织
organisations-lead = 在本目录中发布软件的联合国实体和公共机构。
software-count = { $count ->
    [0] 暂无软件
   *[other] { $count } 个软件解决方案
}
organisation-search = 搜索和筛选该组织的软件

validate-title = 验证 publiccode.yml
validate-lead = 在发布之前，对照标准检查 publiccode.yml 文件。您提交的内容不会被保存。
validate-form = 您的文件
validate-again = 检查另一个版本
validate-paste = 粘贴 publiccode.yml 的内容
validate-paste-help = YAML 文本，最大 1 MiB。如果同时选择了文件，则检查该文件。
validate-upload = 或上传文件
validate-button = 验证
validate-valid = 文件有效
validate-invalid = 文件无效
validate-errors = { $count ->
    [0] 没有错误
   *[other] { $count } 个错误
}
validate-warnings = { $count ->
    [0] 没有警告
   *[other] { $count } 个警告
}
validate-excerpts = 您的文件（每个问题附近的行）
validate-more = { $count ->
   *[other] 另有 { $count } 个问题未在此显示
}
validate-not-echoed = 您的文件太大，无法在此表单中再次显示：请重新粘贴或选择该文件，以检查其他版本。
error = 错误
warning = 警告

about-title = 关于本目录
about-lead = Commons 收录联合国实体和其他公共组织发布的开源软件，使寻找解决方案的机构能够重复使用现有软件，而不必再次出资开发。
about-how-heading = 运作方式
about-how-text = 各组织在代码库根目录中放置 publiccode.yml 文件（一项开放标准）来描述其软件。本目录在代码托管平台上查找这些文件，对照标准进行检查，并以联合国六种正式语文收录有效的文件。
about-publish-heading = 如何被收录
about-publish-text = 为您的项目编写 publiccode.yml 文件，用验证工具检查后发布到代码库中。说明可以用多种语言撰写，读者将看到最接近其语言的版本。
about-data-heading = 开放数据
about-data-text = 目录中的全部内容也可通过一个开放且有文档的 API 获取。

not-found-title = 找不到页面
not-found-text = 此地址没有内容。页面可能已移动，或该软件已不再收录。
bad-request-title = 无法理解此请求
bad-request-text = 地址的某一部分无效。请重新搜索。
forbidden-title = 表单已过期
forbidden-text = 为了您的安全，表单必须从本网站的页面提交。请重新打开页面后再次提交。
server-error-title = 出现错误
server-error-text = 目录暂时无法响应。请稍后再试。
busy-title = 验证器正忙
busy-text = 当前正在检查的文件过多。请几秒钟后再试。
too-many-requests-title = 请求过多
too-many-requests-text = 此地址发送的请求超过了目录为单个访问者处理的数量。请稍候片刻，然后重新加载页面。
back-home = 返回首页

nav-status = 抓取状态
status-title = 抓取状态：为什么我的项目没有被收录？
status-lead = 目录的抓取程序上次访问时在各发布方的仓库中发现了什么，以及项目为何被收录或未被收录。
status-url-label = 仓库地址
status-url-button = 查询
status-url-help = 输入您的仓库地址（例如 https://github.com/agency/project），查看其最近的抓取记录。
status-empty-heading = 尚未进行任何抓取
status-empty-text = 当抓取程序在已注册发布方所声明的托管位置（GitLab 群组、GitHub 组织、Gitea 组织或 git 仓库）中，于仓库默认分支的根目录找到有效的 publiccode.yml 时，目录便会收录该项目。抓取程序定期访问这些位置，并在此记录每个仓库的结果。
status-empty-step-file = 编写描述您项目的 publiccode.yml 文件。
status-empty-step-validate = 发布前对照标准检查该文件：
status-empty-step-registry = 将其发布在仓库根目录，且仓库位于您的组织已在目录中注册的位置。
status-empty-step-crawl = 下一次抓取后，您的项目会连同结果出现在这里，随后出现在目录中。
status-publishers = 发布方
status-publisher = 发布方
status-repositories = 仓库
status-last-outcomes = 各仓库的最近结果
status-breadcrumb = 当前位置
status-all-publishers = 所有发布方
status-publisher-none = 抓取程序尚未发现该发布方的任何仓库。
status-repository-count = { $count ->
    [0] 没有仓库
   *[other] { $count } 个仓库
}
status-outcome = 最近结果
status-detail = 详情
status-time = 抓取时间（UTC）
status-entry = 目录条目
status-see-entry = 查看条目
status-not-listed = 未收录
status-what-to-do = 您可以：
status-hosting = 发现位置
status-aliases = 曾用地址
status-recent-crawls = 最近的抓取
status-unknown-heading = 抓取程序从未见过该仓库
status-unknown-text = 请检查地址，并确认仓库位于您的组织已在目录中注册的托管位置内。位于这些位置之外的仓库不会被访问。
status-guide-heading = 各项结果的含义
outcome-none = 尚未抓取
outcome-ok = 已收录
outcome-ok-meaning = 读取到有效的 publiccode.yml：条目已收录且为最新。
outcome-ok-action = 无需操作。您对 publiccode.yml 的每次更改都会在下一次抓取时生效。
outcome-invalid = 文件无效
outcome-invalid-meaning = 找到了 publiccode.yml，但不符合标准。如果之前的版本有效，它会带着警告继续收录；否则项目不会被收录。
outcome-invalid-action = 更正仓库页面上列出的错误（每条都标明行和列），用验证工具检查文件，然后推送。
outcome-unreachable = 无法访问
outcome-unreachable-meaning = 仓库或其托管平台未能及时响应、返回服务器错误，或限制了抓取程序的请求。最近一个有效版本继续收录。
outcome-unreachable-action = 通常无需操作：下一次抓取会重试。若问题持续，请确认仓库是公开的，且服务器可从互联网访问。
outcome-too-large = 文件过大
outcome-too-large-meaning = publiccode.yml（上限 1 MiB）或需要下载的数据超出了抓取程序接受的大小。
outcome-too-large-action = 保持 publiccode.yml 简短：将长文本和图片放在单独的文件中并注明其路径。
outcome-not-found = 没有 publiccode.yml
outcome-not-found-meaning = 在默认分支的根目录中没有找到 publiccode.yml（或 publiccode.yaml），或者仓库为空。
outcome-not-found-action = 在默认分支的根目录添加 publiccode.yml。如果您的项目无意被收录，则无需操作。
outcome-skipped-unchanged = 未变更
outcome-skipped-unchanged-meaning = 自上次抓取以来仓库没有变化，因此没有下载任何内容。之前的结果仍然有效。
outcome-skipped-unchanged-action = 无需操作。推送更改后，下一次抓取会读取它。
outcome-refused = 已拒绝
outcome-refused-meaning = 出于安全原因，抓取程序拒绝了该内容：例如 publiccode.yml 是符号链接或子模块、仓库位于发布方声明的托管位置之外，或重定向指向了其他主机。
outcome-refused-action = 请阅读详情：将 publiccode.yml 改为仓库中的普通文件，或请您的组织注册仓库所在的位置。
outcome-gone = 已消失
outcome-gone-meaning = 该仓库已不在发布方托管它的位置。其条目和历史会被保留，并标记为已消失。
outcome-gone-action = 如果仓库已迁移，只要新地址位于已注册的位置，下一次抓取就会找到它；在同一平台上重命名会保留条目。
status-standing = 仍然有效的结果，来自之前的一次抓取：

assess-heading = 评估
assess-intro = 机构在复用本软件之前应了解的信息，根据其仓库自动计算。每项结果都附有依据。
assess-when = 评估日期
assess-none = 本软件尚未评估。目录读取其仓库时会计算评估结果。
assess-evidence = 依据
assess-rule = 规则：
assess-method = 方法
assess-errors = 未能运行的检查
assess-license-explain = 在仓库文件中找到的许可证，与 publiccode.yml 中声明的许可证进行比较。
assess-declared = publiccode.yml 中声明的
assess-combination-unknown = 有多个许可证，项目未说明它们是同时适用还是任选其一：请见下方文件。
assess-detected = 在文件中检测到的
assess-agreement = 一致性
assess-agreement-agree = 二者一致
assess-agreement-mismatch = 二者不一致
assess-agreement-unknown = 无法比较
assess-osi = 开放源代码促进会（OSI）
assess-family = 类别
assess-license-guide = 许可证指南
assess-security = 安全实践
assess-security-explain = 参照 OpenSSF Scorecard 的检查，仅限于仓库本身可见的内容；每项评分 0 至 10，并按风险加权。这不是官方的 Scorecard 结果。
assess-check = 检查项
assess-score = 得分
assess-weight = 在得分中的权重
assess-reason = 原因
assess-differs = 所衡量的范围比 Scorecard 的同名检查更窄。
assess-inconclusive = 无法判定
assess-inconclusive-note = 短横线表示该检查不适用或无法判定。
assess-not-computed = 未计算的 Scorecard 检查及原因
risk-critical = 严重
risk-high = 高
risk-medium = 中
risk-low = 低
assess-vulnerabilities = 已知漏洞
assess-vulnerabilities-explain = 锁文件中固定的依赖版本，与目录运营方导入的 OSV 漏洞数据库进行比对。
assess-vulnerabilities-count = { $count ->
    [0] 没有已知漏洞
   *[other] { $count } 个已知漏洞
}
assess-packages = { $count ->
   *[other] 已检查 { $count } 个软件包
}
assess-packages-locked = { $count ->
   *[other] 找到 { $count } 个已锁定的软件包
}
assess-not-evaluated = { $count ->
   *[other] { $count } 个软件包无法评估
}
assess-osv-as-of = OSV 数据日期
assess-no-osv = 未导入 OSV 数据：未检查漏洞。
assess-advisory = 安全公告
assess-package = 软件包
assess-fixed-in = 修复版本
assess-summary = 摘要
assess-lockfiles = 已读取的锁文件
assess-vitality = 维护活跃度
assess-vitality-explain = Developers Italia 的活力指数（0 至 100，基于最近 60 天），按其爬虫的算法计算以便数字可比：任何代码库至少得 46 分，且自第一次提交以来的每位作者都计入，因此已被放弃的项目仍可能得分较高。请结合旁边更直观的指标来解读。
vitality-commits = 最近 90 / 365 天的提交数
vitality-authors = 最近 90 / 365 天的活跃作者
vitality-releases = 发布版本（最新）
vitality-bus-factor = 巴士因子（完成去年一半提交的最少人数）
vitality-days-since = 距最近一次提交的天数
vitality-commits-total = 提交总数
assess-principles = 联合国开源原则
assess-principles-explain = 每项原则的状态为：已满足（附所找到的依据）、由发布方声明、缺失或不适用。没有单一总分。
assess-dpg = 数字公共产品标准
assess-dpg-explain = 数字公共产品标准的九项指标，各附状态与依据。部分指标只能由发布方声明。
assess-ai = 开源人工智能定义
assess-ai-explain = 该项目看起来是人工智能系统：其参数、代码以及训练数据信息是否以开放条款提供？
assess-status-met = 已满足
assess-status-declared = 已声明
assess-status-missing = 缺失
assess-status-not-declared = 未声明
assess-status-not-applicable = 不适用
assess-status-needs-review = 需要审查
declared-by = 由 { $by }（{ $role }）于 { $at } 声明。
declared-by-without-role = 由 { $by } 于 { $at } 声明。
indicator-un-open-by-default = 默认开放
indicator-un-contribute-back = 回馈贡献
indicator-un-secure-by-design = 设计即安全
indicator-un-inclusive-participation = 促进包容性参与和创新
indicator-un-design-for-reusability = 为复用而设计
indicator-un-provide-documentation = 提供文档
indicator-un-rise = RISE（认可、激励、支持和赋能）
indicator-un-sustain-and-scale = 持续与扩展
indicator-dpg-sdg-relevance = 与可持续发展目标的相关性
indicator-dpg-open-licensing = 使用经认可的开放许可证
indicator-dpg-clear-ownership = 明确的所有权
indicator-dpg-platform-independence = 平台独立性
indicator-dpg-documentation = 文档
indicator-dpg-data-extraction = 数据和内容的提取机制
indicator-dpg-privacy-and-laws = 遵守隐私及适用法律
indicator-dpg-standards-best-practices = 遵守标准和最佳实践
indicator-dpg-do-no-harm = 设计上不造成伤害
indicator-parameters = 参数（权重）
indicator-code = 代码
indicator-data-information = 训练数据信息
assess-cost = 重建成本与复用价值
assess-cost-explain = 重新开发本软件的成本，依据其规模用基本 COCOMO 模型估算，并列出已在使用它的组织数量。
cost-lines = 代码行数
cost-no-code = 此代码库中未统计到源代码（只有数据、文档或配置），因此没有可显示的重建成本。
cost-effort = 工作量（人月）
cost-schedule = 工期（月）
cost-people = 平均团队规模
cost-used-by = 使用它的组织
cost-dependents = 以它为基础的目录条目
cost-languages = 编程语言
nav-licenses = 许可证指南
licenses-families = 许可证类别
licenses-common = 常见许可证
licenses-compatibility = 组合许可证
licenses-obligations = 您必须做的
licenses-combine = 组合
licenses-contents = 本页内容
licenses-compatibility-lead = 某一许可证下的代码能否纳入另一许可证下的作品？最常见的情况：
licenses-code-under = 代码所用许可证
licenses-included-in = 纳入的作品所用许可证
licenses-answer = 结论
licenses-note = 原因
licenses-any-license = 任何许可证，开源或闭源
licenses-closed-software = 对外分发的闭源软件

# Federation: provenance on the software page, exports on the about page.
listed-via = 来源目录
also-listed-in = 同时收录于
listing-read = 读取于
about-export-heading = 导出与联合
about-export-text = 其他目录、数据门户和研究档案库可以用它们已在采集的格式读取本目录。每种格式均公开，无需账户。
export-open-catalog = Software Catalog API
export-open-catalog-text = Developers Italia、瑞士目录和欧盟开源目录所使用的 API：其他目录通过它逐页读取每个条目及其原样发布的 publiccode.yml。本目录也通过它读取其他目录。
export-dcat = DCAT-AP 3（Turtle）
export-dcat-text = 以关联数据形式提供的整个目录，供 data.europa.eu 等数据门户使用：每个条目一条记录。
export-codemeta = CodeMeta（JSON-LD）
export-codemeta-text = 用 CodeMeta 词汇描述的每个条目，供研究目录和软件档案库使用。
export-dump = 完整 JSON 导出
export-dump-text = 所有已收录条目及其原始 publiccode.yml，用于离线镜像和分析。
export-atom = Atom 订阅源
export-atom-text = 新增和更改的条目，最新的在前，涵盖整个目录和每个组织。

# The assessment in brief, at the top of the software page.
summary-heading = 复用之前
summary-footer = 以下摘要来自对代码仓库的最近一次自动评估。
summary-full = 完整评估与依据
summary-median = { $count ->
   *[other] 目录中位数 { $median }（已评估 { $count } 个项目）
}
summary-out-of-10 = { $score } 分（满分 10）
summary-not-computed = 未计算
summary-not-checked = 未检查
summary-database-of = 漏洞数据库日期 { $date }
summary-license-osi = { $license }，经 OSI 批准
summary-last-commit-days = { $count ->
    [0] 今天有最近提交
   *[other] 最近提交于 { $count } 天前
}
summary-vitality-index = 活跃度 { $index }（满分 100）
verdict-license-permissive = 可以复用、修改和再分发，但须保留版权和许可证声明。
verdict-license-weak-copyleft = 可以将其纳入自己的软件；对其自身文件的修改须以相同许可证共享。
verdict-license-strong-copyleft = 可以复用和修改；分发包含它的软件时，须以相同许可证发布。
verdict-license-network-copyleft = 可以复用和修改；如果将其作为在线服务提供，须公开所作修改。
verdict-license-unknown = 无法识别许可证：复用前请向发布方确认。
verdict-license-mismatch = 许可证文件与 publiccode.yml 中声明的许可证不一致：请向发布方确认适用哪一个。
verdict-license-combination = 发现多个许可证，但没有说明是同时适用还是任选其一：请向发布方确认。
verdict-security-above = 安全实践优于目录中一半已评估的项目。
verdict-security-below = 安全实践不及目录中一半已评估的项目：请查看哪些检查未通过。
verdict-security-at = 安全实践处于目录中位数水平。
verdict-security-alone = 目前还没有其他已评估的项目可供比较。
verdict-security-none = 无法根据代码仓库计算这些检查。
verdict-vulnerabilities-no-database = 目录当时没有可用的漏洞数据库，因此未检查依赖项。
verdict-vulnerabilities-no-lockfile = 未找到锁定文件，因此无法检查依赖项的确切版本。
verdict-vulnerabilities-none = { $count ->
   *[other] 已锁定的 { $count } 个依赖项均无已知漏洞。
}
verdict-vulnerabilities-found = 部署前请更新受影响的依赖项；修复版本见下文。
verdict-vitality-active = 积极维护：最近三个月内有更改。
verdict-vitality-slow = 放缓：最近三个月没有更改，但过去一年内有。
verdict-vitality-dormant = 一年多没有更改：请做好自行维护的准备。
verdict-vitality-unknown = 无法读取历史记录。

# The methodology page (/methodology).
method-title = 评估是如何进行的
method-lead = 目录中的每个项目都根据其代码仓库的副本自动评估，使用的是爬虫读取时的那次提交。没有任何一项由人工打分。本页说明每个部分考察什么、看不到什么，以及如何对结果提出异议。
method-contents = 目录
method-link = 计算方法
method-version = 本服务器上评估所用的方法版本：
method-license = 许可证
method-license-text = 代码仓库根目录下的许可证文件经规范化后，与 SPDX 许可证列表中的文本逐词比较。如果某个文本与一个常见许可证只差很小的幅度，就选用该常见许可证，并注明这是它的近似副本。如果有多个许可证文件，则由项目自己的声明说明它们如何组合（Cargo.toml、package.json、pyproject.toml 或 setup.cfg、composer.json、gemspec、pom.xml，或 README、COPYING 中的一句话）；没有声明时，目录会说明组合方式未知，而不是去猜测。结果会与 publiccode.yml 中声明的许可证进行比较。许可证类别（宽松型、弱著佐权、强著佐权或网络著佐权）取自实际生效的表达式：可以选择时（OR）取要求最低的选项，全部适用时（AND）取要求最高的选项。
method-security = 安全实践
method-security-text = 这些检查参照 OpenSSF Scorecard，仅根据代码仓库本身计算：二进制制品、危险的工作流模式、依赖更新工具、模糊测试、许可证、维护情况、固定版本的依赖、静态分析、安全策略、签名发布、令牌权限、持续集成中的测试以及已知漏洞。每项检查得分为 0 到 10 分，并按其风险等级加权（严重 10，高 7.5，中 5，低 2.5）；总分是加权平均值，满分 10 分。无法得出结论的检查不计入平均值。这不是官方的 Scorecard，与之不同的检查都已标明。
method-vulnerabilities = 已知漏洞
method-vulnerabilities-text = 锁定文件（Cargo.lock、package-lock.json、yarn.lock、poetry.lock、go.sum、composer.lock 等）中记录的依赖项确切版本，会与目录运营方导入的 OSV 漏洞数据库进行比对。没有锁定文件的项目，或没有该数据库的目录，显示为未检查，绝不会显示为安全。
method-vitality = 维护活跃度
method-vitality-text = 根据默认分支的历史，得出最近 90 天和 365 天的提交数与不同作者数、发布（标签）、巴士系数（完成一年中一半提交所需的最少作者数）以及最近一次提交的日期。活跃度指数为 0 到 100，按照 Developers Italia 爬虫的方法以最近 60 天计算，使数字可以相互比较；该指数有下限，因此请结合其他数字一起阅读。一年以上没有任何更改的项目显示为停滞。
method-principles = 联合国开源原则与数字公共产品标准
method-principles-text = 每条原则或指标都有一条规则，代码仓库中的证据可以满足它（例如 CONTRIBUTING 指南、经 OSI 批准的许可证、安全策略）。有些只能由发布方声明，例如与可持续发展目标的相关性或对隐私法律的遵守：没有声明时显示为未声明，这与未满足不同。声明会显示由谁、以何种身份、在何时作出，并且绝不会取代证据。
method-cost = 重建成本
method-cost-text = 代码行数的统计不包括空行、注释以及第三方、生成或压缩的文件，然后用基本 COCOMO 模型（有机模式）换算为工作量、工期和成本，采用 scc 工具默认的年薪和管理费用系数。这是复用可以节省多少的量级估计，而不是报价。
method-offline = 评估看不到什么
method-offline-text = 评估只读取某一次提交时的代码仓库，不使用代码托管平台的 API，也不访问互联网。它看不到分支保护、代码评审、平台上的议题和星标、是否加入 OSS-Fuzz 或最佳实践徽章，并且只读取默认分支。过长的历史会在上限处截断，报告中会注明。结果以旁边显示的评估日期为准。
method-contest = 如何对结果提出异议
method-contest-text = 每个结果都列出其依据：所用规则、文件和提交。如果问题出在代码仓库，请修正它，下一次爬取会评估新的提交。只有发布方才能声明的内容，须使用发布方令牌，通过 API 的声明接口（PUT /api/v1/software/ID/declarations/ITEM）提交，并与发布方名称一起显示。如果是规则本身有误，请联系目录运营方，附上报告链接（/api/v1/software/ID/assessment）及其中注明的方法版本。

# Search by meaning and similar entries.
match-meaning = 按含义找到，描述语言：{ $language }
match-meaning-other = 按含义找到
similar-heading = 同样解决这一问题
similar-intro = 描述含义大致相同的条目（任何语言）：其他组织的条目在前，最接近的在前。自行开发或采购之前，请先查看。
similar-score = 相似度 { $percent }%
similar-same-organisation = 同一组织
relation-based-on = 本条目基于该软件
relation-basis-of = 基于本条目
relation-depends-on = 本条目依赖该软件
relation-dependency-of = 依赖本条目
duplicates-title = 可能的重复项目
duplicates-lead = 不同组织的软件，其描述含义大致相同（任何语言），相似度达到 { $percent }% 或以上。再开发一个之前，请先与已有该软件的组织联系。
duplicates-none = 在此阈值下没有可能的重复项目。
duplicates-incomplete = 条目仍在比较中，可能还会出现更多组。
duplicates-unavailable = 本服务器不提供按含义搜索，因此无法找出重复项目。
duplicates-group = 第 { $number } 组
duplicates-reuse-heading = 已声明的复用
duplicates-reuse-text = 这些软件相似，是因为其中一个基于另一个构建，正如其 publiccode.yml 文件所声明的：这是复用，而不是重复。

## 登录、角色与审核
sign-in = 登录
sign-out = 退出登录
signed-in-as = 当前登录：
sign-in-needed-title = 请先登录
sign-in-needed-text = 此页面仅供已登录目录的用户使用。请登录后再次提交表单。
not-allowed-title = 超出您的角色权限
not-allowed-text = 您在本目录中的角色不允许打开此页面或执行此操作。管理员可以授予您所需的角色。
conflict-title = 已有决定
conflict-text = 已有其他人先行处理。请重新打开页面查看当前状态。
account-title = 您的账户
account-roles = 您的角色
account-no-roles = 您还没有任何角色。请申请发布您所在组织的软件，审核员会进行审查。
account-pages = 您可以做的事
role-admin = 管理员
role-curator = 审核员
role-member = 发布方成员
role-by-configuration = 由服务器配置授予
roles-title = 角色
roles-lead = 谁可以管理目录、审查发布申请或代表某个组织。每项变更都记入审计日志。
roles-holders = 角色持有人
roles-none = 目录中尚无人被授予角色。
field-email = 电子邮件地址
field-role = 角色
field-organisation = 组织
granted-by = 授予人
role-revoke = 收回
scope-all = 所有组织
role-grant = 授予角色
role-scope-help = 审核员审查一个组织或所有组织的申请；发布方成员代表一个组织；管理员负责整个目录。
role-grant-submit = 授予角色
publish-title = 发布您所在组织的软件
publish-lead = 申请将您所在组织在代码托管平台上的群组收录到目录中。审核员会核实您能够代表该组织；申请通过后，您将成为其发布方成员。
requests-mine = 您的申请
publish-ask = 申请发布
field-organisation-name = 组织名称
field-organisation-id = 组织标识
field-organisation-id-help = 小写拉丁字母、数字和连字符，例如“unicef”或“un-habitat”。
field-forge-url = 代码托管平台上群组或组织的地址
field-evidence = 您为何能代表该组织
field-evidence-help = 您的职务、列有您姓名的网页，或审核员可以询问的同事。审核员会看到这些内容。
publish-submit = 提交申请
requests-title = 发布申请
requests-lead = 等待审核的申请排在最前。每项决定都需要说明理由，申请人会看到。
requests-none = 尚无申请。
field-requester = 申请人
field-status = 状态
field-reason = 理由
request-accept = 接受
request-refuse = 拒绝
request-pending = 等待审核
request-accepted = 已接受
request-refused = 已拒绝
audit-title = 审计日志
audit-lead = 以他人名义进行的每项变更，按时间由新到旧排列，并附变更后的状态。日志由哈希值串联：`commons audit verify` 可发现任何被改动或删除的记录。
audit-who = 操作人
audit-what = 操作
audit-filter = 筛选
audit-none = 没有匹配的记录。
audit-when = 时间
audit-target = 对象
audit-change = 变更
audit-older = 更早的记录
sign-in-failed-title = 登录未完成
sign-in-failed-text = 未登录任何人。请从登录链接重新开始；如果再次失败，下方的详细信息可帮助您的管理员排查。
