# The license guide, English source (the other languages translate it; keep the message ids).
# Plain words for an agency deciding whether and how to reuse software: guidance, not legal
# advice.
# Fluent identifiers cannot hold ".": a version in an SPDX id is written with "_" (Apache-2_0).

guide-title = Choosing and reusing open-source licenses
guide-intro =
    Every open-source license lets you use, study, change and share the software. They differ
    in what they ask of you when you share it, and in which other licenses they can be
    combined with. This guide explains the licenses most often found in the catalog.
guide-disclaimer = This is guidance for reuse decisions, not legal advice. Ask your legal office for a final opinion.

## Families

family-permissive = Permissive
family-permissive-explain =
    You may use, change and redistribute the software, also inside closed software, as long as
    you keep the copyright and license notices. Easiest to reuse and combine.
family-weak-copyleft = Weak copyleft
family-weak-copyleft-explain =
    Changes to the licensed files (or library) must be shared under the same license when you
    distribute them; your own code that only uses or links to it may keep its own license.
family-strong-copyleft = Strong copyleft
family-strong-copyleft-explain =
    If you distribute the software or a work based on it, the whole work must be released under
    the same license, with its source code. Using it internally without distributing it
    creates no obligation.
family-network-copyleft = Network copyleft
family-network-copyleft-explain =
    Like strong copyleft, and offering the software to users over a network (a web service)
    counts as distribution: you must offer them the source code of your version.
family-unknown = Unknown
family-unknown-explain =
    Commons could not classify this license. Ask your legal office before reuse.

## Common licenses

license-MIT-summary = MIT: short and permissive.
license-MIT-obligations = Keep the copyright notice and the license text in copies.
license-MIT-combine = Can be combined with code under any license, open or closed.

license-Apache-2_0-summary = Apache 2.0: permissive, with an explicit patent grant.
license-Apache-2_0-obligations =
    Keep the notices and the NOTICE file; state the files you changed. Contributors grant a
    patent license, which ends for anyone who sues over patents in the software.
license-Apache-2_0-combine = Can be combined with most licenses, including GPL-3.0 (not GPL-2.0-only).

license-BSD-3-Clause-summary = BSD 3-Clause: permissive.
license-BSD-3-Clause-obligations = Keep the copyright notice and disclaimer; do not use the authors' names to promote your product.
license-BSD-3-Clause-combine = Can be combined with code under any license.

license-BSD-2-Clause-summary = BSD 2-Clause: permissive.
license-BSD-2-Clause-obligations = Keep the copyright notice and disclaimer.
license-BSD-2-Clause-combine = Can be combined with code under any license.

license-ISC-summary = ISC: permissive, equivalent to MIT in practice.
license-ISC-obligations = Keep the copyright notice and permission notice.
license-ISC-combine = Can be combined with code under any license.

license-MPL-2_0-summary = Mozilla Public License 2.0: weak copyleft, file by file.
license-MPL-2_0-obligations =
    When you distribute, share the source of the MPL files you changed, under the MPL. Your
    own files can keep any license.
license-MPL-2_0-combine = Can be combined with closed code and, by default, with GPL and LGPL code.

license-LGPL-2_1-only-summary = GNU LGPL 2.1: weak copyleft for libraries.
license-LGPL-2_1-only-obligations =
    Share changes to the library under the LGPL; allow users to replace the library in your
    product (for example by linking dynamically).
license-LGPL-2_1-only-combine = Can be used by closed applications; changes to the library stay LGPL.

license-LGPL-3_0-only-summary = GNU LGPL 3.0: weak copyleft for libraries.
license-LGPL-3_0-only-obligations = As LGPL 2.1, plus installation information for consumer devices.
license-LGPL-3_0-only-combine = Can be used by closed applications; changes to the library stay LGPL.

license-EPL-2_0-summary = Eclipse Public License 2.0: weak copyleft, by module.
license-EPL-2_0-obligations = Share the source of changed EPL modules when you distribute them.
license-EPL-2_0-combine = Can be combined with other code in separate modules; GPL compatibility only when the secondary license is named.

license-GPL-2_0-only-summary = GNU GPL 2.0: strong copyleft.
license-GPL-2_0-only-obligations = Distribute the whole work under the GPL 2.0 with its source code.
license-GPL-2_0-only-combine = Not compatible with Apache 2.0 or GPL 3.0 code (unless "or later").

license-GPL-3_0-only-summary = GNU GPL 3.0: strong copyleft.
license-GPL-3_0-only-obligations =
    Distribute the whole work under the GPL 3.0 with its source code and installation
    information; patent grant included.
license-GPL-3_0-only-combine = Can include Apache 2.0, MIT, BSD, LGPL and MPL code; the result is GPL 3.0.

license-AGPL-3_0-only-summary = GNU Affero GPL 3.0: network copyleft.
license-AGPL-3_0-only-obligations =
    As GPL 3.0, and if users interact with a changed version over a network, offer them its
    source code.
license-AGPL-3_0-only-combine = Can include GPL 3.0 and permissive code; the result is AGPL 3.0.

license-EUPL-1_2-summary = European Union Public Licence 1.2: copyleft, written for public administrations, official in all EU languages.
license-EUPL-1_2-obligations =
    Share the source of the work and of your changes under the EUPL when you distribute it or
    offer it over a network.
license-EUPL-1_2-combine =
    Its compatibility clause allows combining with code under GPL, LGPL, AGPL, MPL, EPL and
    other listed licenses, under that other license.

license-Unlicense-summary = The Unlicense: dedication to the public domain.
license-Unlicense-obligations = None.
license-Unlicense-combine = Can be combined with code under any license.

license-CC0-1_0-summary = CC0 1.0: public domain dedication, often used for data and documentation.
license-CC0-1_0-obligations = None (patent rights are not granted: prefer another license for code).
license-CC0-1_0-combine = Can be combined with anything.

## Compatibility: can code under the first license be included in a work under the second?

compat-yes = Yes
compat-no = No
compat-depends = Depends (read the notes)
compat-permissive-any = Permissive code can be included in works under any license.
compat-weak-closed = Weak-copyleft code can be used by closed software if its own files stay under their license.
compat-strong-closed = Strong-copyleft code cannot be included in closed software that is distributed.
compat-gpl2-gpl3 = GPL-2.0-only and GPL-3.0 code cannot be combined; "GPL-2.0-or-later" can become GPL-3.0.
compat-apache-gpl2 = Apache 2.0 code cannot be included in GPL-2.0-only works (patent terms); it can in GPL-3.0 works.
compat-agpl-service = If you run AGPL software as a public service, publish your changes.
compat-eupl = EUPL works can be relicensed to a compatible license listed in its appendix when combined.

## Assessment statuses shown beside the license

license-mismatch = The license declared in publiccode.yml and the license files do not agree.
license-not-recognised = The license text was not recognised with enough confidence; a person should read it.
license-osi-approved = Approved by the Open Source Initiative.
license-not-osi-approved = Not approved by the Open Source Initiative.
