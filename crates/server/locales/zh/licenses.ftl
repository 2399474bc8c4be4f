# 许可证指南，中文（locales/en/licenses.ftl 的译文）。

guide-title = 选择和复用开源许可证
guide-intro = 所有开源许可证都允许您使用、研究、修改和分享软件。它们的区别在于您分享软件时须承担的义务，以及可以与哪些其他许可证组合。本指南介绍目录中最常见的许可证。
guide-disclaimer = 本指南用于辅助复用决策，不构成法律意见。最终意见请咨询您所在机构的法律部门。

## Families

family-permissive = 宽松型
family-permissive-explain = 只要保留版权声明和许可证声明，您就可以使用、修改和再分发该软件，包括将其用于闭源软件中。最容易复用和组合。
family-weak-copyleft = 弱著佐权
family-weak-copyleft-explain = 分发时，对受许可文件（或库）的修改必须以相同许可证共享；仅调用或链接它的您自己的代码可以保留其原有许可证。
family-strong-copyleft = 强著佐权
family-strong-copyleft-explain = 如果您分发该软件或基于它的作品，整个作品必须以相同许可证连同源代码发布。仅在内部使用而不分发则不产生任何义务。
family-network-copyleft = 网络著佐权
family-network-copyleft-explain = 与强著佐权相同；此外，通过网络（例如网络服务）向用户提供该软件也视为分发：您必须向他们提供您所用版本的源代码。
family-unknown = 未知
family-unknown-explain = Commons 无法对该许可证进行分类。复用前请咨询您的法律部门。

## Common licenses

license-MIT-summary = MIT：简短、宽松。
license-MIT-obligations = 在副本中保留版权声明和许可证文本。
license-MIT-combine = 可与任何许可证（开源或闭源）下的代码组合。

license-Apache-2_0-summary = Apache 2.0：宽松，并明确授予专利许可。
license-Apache-2_0-obligations = 保留各项声明和 NOTICE 文件；注明您修改过的文件。贡献者授予专利许可，但任何就该软件提起专利诉讼的人将失去该许可。
license-Apache-2_0-combine = 可与大多数许可证组合，包括 GPL-3.0（但不包括 GPL-2.0-only）。

license-BSD-3-Clause-summary = BSD 3-Clause：宽松。
license-BSD-3-Clause-obligations = 保留版权声明和免责声明；不得使用作者姓名为您的产品做宣传。
license-BSD-3-Clause-combine = 可与任何许可证下的代码组合。

license-BSD-2-Clause-summary = BSD 2-Clause：宽松。
license-BSD-2-Clause-obligations = 保留版权声明和免责声明。
license-BSD-2-Clause-combine = 可与任何许可证下的代码组合。

license-ISC-summary = ISC：宽松，实际效果与 MIT 相同。
license-ISC-obligations = 保留版权声明和许可声明。
license-ISC-combine = 可与任何许可证下的代码组合。

license-MPL-2_0-summary = Mozilla 公共许可证 2.0：以文件为单位的弱著佐权。
license-MPL-2_0-obligations = 分发时，以 MPL 共享您修改过的 MPL 文件的源代码。您自己的文件可以使用任何许可证。
license-MPL-2_0-combine = 可与闭源代码组合，默认也可与 GPL 和 LGPL 代码组合。

license-LGPL-2_1-only-summary = GNU LGPL 2.1：适用于库的弱著佐权。
license-LGPL-2_1-only-obligations = 以 LGPL 共享对库的修改；允许用户替换您产品中的该库（例如通过动态链接）。
license-LGPL-2_1-only-combine = 闭源应用可以使用；对库的修改仍须采用 LGPL。

license-LGPL-3_0-only-summary = GNU LGPL 3.0：适用于库的弱著佐权。
license-LGPL-3_0-only-obligations = 与 LGPL 2.1 相同，另须为消费类设备提供安装信息。
license-LGPL-3_0-only-combine = 闭源应用可以使用；对库的修改仍须采用 LGPL。

license-EPL-2_0-summary = Eclipse 公共许可证 2.0：以模块为单位的弱著佐权。
license-EPL-2_0-obligations = 分发时共享修改过的 EPL 模块的源代码。
license-EPL-2_0-combine = 可与位于独立模块中的其他代码组合；仅在指明次要许可证时才与 GPL 兼容。

license-GPL-2_0-only-summary = GNU GPL 2.0：强著佐权。
license-GPL-2_0-only-obligations = 以 GPL 2.0 连同源代码分发整个作品。
license-GPL-2_0-only-combine = 与 Apache 2.0 或 GPL 3.0 代码不兼容（除非标明“或更高版本”）。

license-GPL-3_0-only-summary = GNU GPL 3.0：强著佐权。
license-GPL-3_0-only-obligations = 以 GPL 3.0 连同源代码和安装信息分发整个作品；包含专利许可。
license-GPL-3_0-only-combine = 可包含 Apache 2.0、MIT、BSD、LGPL 和 MPL 代码；组合结果采用 GPL 3.0。

license-AGPL-3_0-only-summary = GNU Affero GPL 3.0：网络著佐权。
license-AGPL-3_0-only-obligations = 与 GPL 3.0 相同；此外，如果用户通过网络与修改后的版本交互，须向他们提供其源代码。
license-AGPL-3_0-only-combine = 可包含 GPL 3.0 和宽松许可证的代码；组合结果采用 AGPL 3.0。

license-EUPL-1_2-summary = 欧盟公共许可证 1.2：著佐权，专为公共行政部门编写，在欧盟所有语言中具有同等效力。
license-EUPL-1_2-obligations = 分发作品或通过网络提供作品时，以 EUPL 共享作品及您所做修改的源代码。
license-EUPL-1_2-combine = 其兼容性条款允许与 GPL、LGPL、AGPL、MPL、EPL 及其他所列许可证下的代码组合，并采用该另一许可证。

license-Unlicense-summary = The Unlicense：捐献给公有领域。
license-Unlicense-obligations = 无。
license-Unlicense-combine = 可与任何许可证下的代码组合。

license-CC0-1_0-summary = CC0 1.0：捐献给公有领域，常用于数据和文档。
license-CC0-1_0-obligations = 无（不授予专利权：代码宜选用其他许可证）。
license-CC0-1_0-combine = 可与任何内容组合。

## Compatibility

compat-yes = 是
compat-no = 否
compat-depends = 视情况而定（请阅读说明）
compat-permissive-any = 宽松许可证下的代码可以纳入任何许可证下的作品。
compat-weak-closed = 只要弱著佐权代码自身的文件保持原许可证，闭源软件就可以使用它。
compat-strong-closed = 强著佐权代码不能纳入对外分发的闭源软件。
compat-gpl2-gpl3 = GPL-2.0-only 代码与 GPL-3.0 代码不能组合；“GPL-2.0-or-later” 可以转为 GPL-3.0。
compat-apache-gpl2 = Apache 2.0 代码不能纳入 GPL-2.0-only 作品（因专利条款），但可以纳入 GPL-3.0 作品。
compat-agpl-service = 如果您将 AGPL 软件作为公共服务运行，请公开您的修改。
compat-eupl = 组合时，EUPL 作品可以改用其附录所列的兼容许可证。

## Assessment statuses

license-mismatch = publiccode.yml 中声明的许可证与许可证文件不一致。
license-not-recognised = 未能以足够的置信度识别许可证文本，需要人工阅读。
license-osi-approved = 已获开放源代码促进会（OSI）批准。
license-not-osi-approved = 未获开放源代码促进会（OSI）批准。
