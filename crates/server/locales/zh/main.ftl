# Commons 网页界面 — 中文。

site-name = Commons 联合国开源软件目录
site-tagline = 联合国系统和公共机构共享的软件
skip-to-content = 跳至主要内容
language-switcher = 语言
main-navigation = 主导航
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
sort-label = 排序方式
sort-relevance = 相关性
sort-name = 名称
sort-updated = 最近更新
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
validate-source = 您的文件（逐行）
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
