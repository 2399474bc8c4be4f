# Commons web UI — English (the reference catalog: every other language has every message here).

site-name = UN Open Source Commons
site-tagline = Software the UN system and public bodies share
skip-to-content = Skip to main content
language-switcher = Language
main-navigation = Main
menu = Menu
nav-software = Software
nav-organisations = Organisations
nav-validate = Validate your publiccode.yml
nav-about = About
footer-text = A catalog of open-source software published by United Nations entities and other public organisations with a publiccode.yml file.
footer-api = Open API (JSON)

search-label = Search the catalog
search-placeholder = Search by name, purpose or keyword, in any language
search-button = Search

home-title = Find software to reuse
home-heading = Find open-source software to reuse
home-lead = Before you build, see what other UN entities and public bodies have already built and share as open source.
home-stats-software = { $count ->
    [one] { $count } software solution
   *[other] { $count } software solutions
}
home-stats-organisations = { $count ->
    [one] from { $count } organisation
   *[other] from { $count } organisations
}
home-browse = Browse
home-recent = Recently updated
home-see-all = See all software
home-publish-heading = Publish your software
home-publish-text = Add a publiccode.yml file to your repository and the catalog will find it. Check it first with the validator.

results-title = Software catalog
results-title-query = Results for “{ $query }”
results-count = { $count ->
    [0] No results
    [one] { $count } result
   *[other] { $count } results
}
results-none = No software matches this search. Try fewer words or remove a filter.
results-browse-all = Browse all software
filters = Filters
filters-active = Active filters
filters-clear = Clear all filters
filter-remove = Remove filter
filter-selected = Selected
facet-more = { $count ->
    [one] Show { $count } more
   *[other] Show { $count } more
}
facet-organisation = Organisation
facet-category = Category
facet-license = Licence
facet-developmentStatus = Development status
facet-softwareType = Type of software
facet-platform = Platform
facet-maintenanceType = Maintenance
facet-language = Language
facet-country = Country
facet-scope = Sector
facet-licenseFamily = Licence family
facet-osiApproved = OSI-approved licence
facet-vitality = Maintenance activity (vitality)
facet-securityScore = Security practices score
facet-vulnerabilities = Known vulnerabilities
facet-vulnerabilities-yes = Found
facet-vulnerabilities-no = None found
sort-label = Sort by
sort-relevance = Relevance
sort-name = Name
sort-updated = Last updated
sort-vitality = Maintenance activity
sort-security = Security practices
signal-list = Assessment in brief
signal-not-assessed = Not assessed yet
signal-security = Security practices { $score } out of 10
signal-vitality = Maintenance activity { $band } out of 100
signal-last-commit = last commit { $date }
signal-vulnerabilities-unknown = Vulnerabilities not checked
signal-license-osi = { $family } licence, OSI-approved
signal-used-by = { $count ->
    [one] Used by { $count } organisation
   *[other] Used by { $count } organisations
}
sort-apply = Sort
pagination = Pages
page = Page
page-previous = Previous
page-next = Next
updated = Updated
details = Details

published-by = Published by
logo-of = Logo of { $name }
repository-link = Source code
website-link = Website
problem-heading = The latest publiccode.yml of this project has errors
description = Description
description-fallback = This description is not available in English; it is shown in { $language }.
description-languages = Description in other languages
features = Main features
screenshots = Screenshots
screenshot-n = Screenshot { $count }
videos-awards = Videos and awards
maintenance = Maintenance
maintenance-type = Maintained by
contractors = Contractors
contract-until = contract until
contacts = Contacts
dependencies = Dependencies
dependency-name = Name
dependency-kind = Kind
dependency-versions = Versions
dependency-optional = Optional
dependency-open = Open source
dependency-proprietary = Proprietary
dependency-hardware = Hardware
warnings = Warnings
warnings-text = The publiccode.yml is valid, with these remarks for its maintainers.
history = Revision history
revision = Revision
revision-date = Date
revision-commit = Commit
revision-version = Standard version
revision-status = Status
revision-live = live
revision-valid = Valid
revision-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
revision-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
at-a-glance = At a glance
repository = Repository
version = Version
version-newer-release = The repository has a newer release: { $release }
release-date = Release date
license = Licence
copyright-owner = Copyright owner
repo-owner = Repository owner
development-status = Development status
software-type = Type of software
application-suite = Suite
categories = Categories
platforms = Platforms
intended-audience = Sectors
countries = Countries
unsupported-countries = Not suited to
available-languages = Available in
localisation-ready = Ready for translation
used-by = Used by
funded-by = Funded by
supports = Supports
based-on = Based on
documentation = Documentation
api-documentation = API documentation
roadmap = Roadmap
standard-version = publiccode.yml version
input-types = Formats read
output-types = Formats written
it-platforms = Italian national platforms
it-ipa-code = iPA code (Italy)
yes = Yes
no = No
line = Line

organisations-title = Organisations
organisations-lead = UN entities and public bodies that publish software in this catalog.
software-count = { $count ->
    [0] no software
    [one] { $count } software solution
   *[other] { $count } software solutions
}
organisation-search = Search and filter this organisation’s software

validate-title = Validate your publiccode.yml
validate-lead = Check a publiccode.yml file against the standard before you publish it. Nothing you submit is stored.
validate-form = Your file
validate-again = Check another version
validate-paste = Paste the content of publiccode.yml
validate-paste-help = YAML text, up to 1 MiB. If you also choose a file, the file is checked.
validate-upload = Or upload the file
validate-button = Validate
validate-valid = The file is valid
validate-invalid = The file is not valid
validate-errors = { $count ->
    [0] no errors
    [one] { $count } error
   *[other] { $count } errors
}
validate-warnings = { $count ->
    [0] no warnings
    [one] { $count } warning
   *[other] { $count } warnings
}
validate-excerpts = Your file, around each problem
validate-more = { $count ->
    [one] and { $count } more problem, not shown here
   *[other] and { $count } more problems, not shown here
}
validate-not-echoed = Your file is too large to be shown again in this form: paste or choose it again to check another version.
error = Error
warning = Warning

about-title = About the catalog
about-lead = The UN Open Source Commons lists open-source software published by UN entities and other public organisations, so that an agency looking for a solution can reuse one instead of paying to build it again.
about-how-heading = How it works
about-how-text = Organisations describe their software in a publiccode.yml file, an open standard, placed at the root of their repositories. The catalog finds these files on code-hosting platforms, checks them against the standard and lists the valid ones, in the six official languages of the United Nations.
about-publish-heading = How to be listed
about-publish-text = Write a publiccode.yml file for your project, check it with the validator, and publish it in your repository. Descriptions can be written in several languages; readers see the one closest to their own.
about-data-heading = Open data
about-data-text = Everything in the catalog is also available through an open, documented API.

not-found-title = Page not found
not-found-text = There is nothing at this address. It may have moved, or the software may no longer be listed.
bad-request-title = This request could not be understood
bad-request-text = A part of the address is not valid. Start a new search instead.
forbidden-title = The form has expired
forbidden-text = For your security, the form must be sent from this site’s own page. Open the page again and resend it.
server-error-title = Something went wrong
server-error-text = The catalog could not answer. Please try again in a moment.
busy-title = The validator is busy
busy-text = Too many files are being checked right now. Please try again in a few seconds.
too-many-requests-title = Too many requests
too-many-requests-text = This address has sent more requests than the catalog answers for one visitor. Wait a moment, then reload the page.
back-home = Back to the home page

nav-status = Crawl status
status-title = Crawl status: why is my project not listed?
status-lead = What the catalog’s crawler found in each publisher’s repositories the last time it looked, and why a project is or is not listed.
status-url-label = Repository address
status-url-button = Check
status-url-help = Enter your repository’s address (for example https://github.com/agency/project) to see its recent crawls.
status-empty-heading = No crawl has run yet
status-empty-text = The catalog lists a project when its crawler finds a valid publiccode.yml at the root of the repository’s default branch, in a hosting location (a GitLab group, a GitHub organisation, a Gitea organisation or a git repository) that a registered publisher has declared. The crawler visits these places regularly and records here what it found for each repository.
status-empty-step-file = Write a publiccode.yml file describing your project.
status-empty-step-validate = Check it against the standard before you publish it:
status-empty-step-registry = Publish it at the root of your repository, in a place your organisation has registered with the catalog.
status-empty-step-crawl = At the next crawl, your project appears here with its outcome, then in the catalog.
status-publishers = Publishers
status-publisher = Publisher
status-repositories = Repositories
status-last-outcomes = Last outcome of each repository
status-breadcrumb = You are here
status-all-publishers = All publishers
status-publisher-none = The crawler has no repository of this publisher yet.
status-repository-count = { $count ->
    [one] { $count } repository
   *[other] { $count } repositories
}
status-outcome = Last outcome
status-detail = Detail
status-time = Crawled (UTC)
status-entry = Catalog entry
status-see-entry = See the entry
status-not-listed = Not listed
status-what-to-do = What you can do:
status-hosting = Found in
status-aliases = Former addresses
status-recent-crawls = Recent crawls
status-unknown-heading = The crawler has never seen this repository
status-unknown-text = Check the address, then check that the repository is inside a hosting location your organisation has registered with the catalog. A repository outside them is never visited.
status-guide-heading = What each outcome means
outcome-none = Not crawled yet
outcome-ok = Listed
outcome-ok-meaning = A valid publiccode.yml was read: the entry is listed and current.
outcome-ok-action = Nothing. Each change you push to publiccode.yml is picked up at the next crawl.
outcome-invalid = Invalid file
outcome-invalid-meaning = The publiccode.yml was found but does not follow the standard. If an earlier version was valid, it stays listed with a warning; otherwise the project is not listed.
outcome-invalid-action = Correct the errors shown on the repository’s page (each gives the line and column), check the file with the validator, then push it.
outcome-unreachable = Unreachable
outcome-unreachable-meaning = The repository or its hosting did not answer in time, answered with a server error, or limited the crawler’s requests. The last valid version stays listed.
outcome-unreachable-action = Usually nothing: the next crawl tries again. If it lasts, check that the repository is public and the server reachable from the internet.
outcome-too-large = Too large
outcome-too-large-meaning = The publiccode.yml (limit 1 MiB) or the data to download was larger than the crawler accepts.
outcome-too-large-action = Keep publiccode.yml short: put long texts and images in separate files and point to them.
outcome-not-found = No publiccode.yml
outcome-not-found-meaning = No publiccode.yml (or publiccode.yaml) was found at the root of the default branch, or the repository is empty.
outcome-not-found-action = Add publiccode.yml at the root of the default branch. If your project is not meant to be listed, nothing needs doing.
outcome-skipped-unchanged = Unchanged
outcome-skipped-unchanged-meaning = Nothing changed in the repository since the last crawl, so nothing was downloaded. The previous result stands.
outcome-skipped-unchanged-action = Nothing. Push a change and it will be read at the next crawl.
outcome-refused = Refused
outcome-refused-meaning = The crawler refused the content for safety: for example publiccode.yml is a symbolic link or a submodule, the repository lies outside the publisher’s declared hosting, or a redirect led to another host.
outcome-refused-action = Read the detail: make publiccode.yml a plain file in the repository, or ask your organisation to register the place where the repository lives.
outcome-gone = Gone
outcome-gone-meaning = The repository no longer exists where the publisher hosts it. Its entry and history are kept, marked as gone.
outcome-gone-action = If the repository moved, its new address will be found at the next crawl when it is in a registered hosting location; a rename on the same forge keeps the entry.
status-standing = The result that still stands, from an earlier crawl:

assess-heading = Assessment
assess-intro = What an agency should know before reusing this software, computed automatically from its repository. Each result shows its evidence.
assess-when = Assessed on
assess-none = This software has not been assessed yet. Assessments are computed when the catalog reads its repository.
assess-unreadable = The stored assessment of this software could not be read, so it is not shown. The server has logged the error for its operators.
assess-evidence = Evidence
assess-rule = Rule:
assess-method = Method
assess-errors = Checks that could not run
assess-license-explain = The license found in the repository’s files, compared with the one declared in publiccode.yml.
assess-declared = Declared in publiccode.yml
assess-combination-unknown = Several licences, and the project does not say whether they apply together or as a choice: see the files below.
assess-detected = Detected in the files
assess-agreement = Agreement
assess-agreement-agree = They agree
assess-agreement-mismatch = They disagree
assess-agreement-unknown = Cannot be compared
assess-osi = Open Source Initiative
assess-family = Family
assess-license-guide = License guide
assess-security = Security practices
assess-security-explain = Checks modelled on OpenSSF Scorecard, limited to what the repository itself shows, each scored from 0 to 10 and weighted by risk. This is not the official Scorecard.
assess-check = Check
assess-score = Score
assess-weight = Weight in the score
assess-reason = Why
assess-differs = Measures something narrower than Scorecard’s check of the same name.
assess-inconclusive = Inconclusive
assess-inconclusive-note = A dash means the check does not apply or was inconclusive.
assess-not-computed = Scorecard checks not computed, and why
risk-critical = Critical
risk-high = High
risk-medium = Medium
risk-low = Low
assess-vulnerabilities = Known vulnerabilities
assess-vulnerabilities-explain = The dependency versions pinned in lockfiles, matched against the OSV vulnerability database imported by the catalog’s operator.
assess-vulnerabilities-count = { $count ->
    [0] No known vulnerability
    [one] { $count } known vulnerability
   *[other] { $count } known vulnerabilities
}
assess-packages = { $count ->
    [one] { $count } package checked
   *[other] { $count } packages checked
}
assess-packages-locked = { $count ->
    [one] { $count } locked package found
   *[other] { $count } locked packages found
}
assess-not-evaluated = { $count ->
    [one] { $count } package could not be evaluated
   *[other] { $count } packages could not be evaluated
}
assess-osv-as-of = OSV data of
assess-no-osv = No OSV data imported: vulnerabilities were not checked.
assess-advisory = Advisory
assess-package = Package
assess-fixed-in = Fixed in
assess-summary = Summary
assess-lockfiles = Lockfiles read
assess-vitality = Maintenance activity
assess-vitality-explain = The vitality index of Developers Italia (0 to 100, over the last 60 days), kept as their crawler computes it so that figures compare: every repository scores at least 46 and every author since the first commit counts, so an abandoned project can still score well. Read it with the clearer signals beside it.
vitality-commits = Commits, last 90 / 365 days
vitality-authors = Active authors, last 90 / 365 days
vitality-releases = Releases (latest)
vitality-bus-factor = Bus factor (fewest people making half of last year’s commits)
vitality-days-since = Days since the last commit
vitality-commits-total = Commits in total
assess-principles = UN Open Source Principles
assess-principles-explain = Each principle is met (with the evidence found), declared by the publisher, missing, or not applicable. There is no single score.
assess-dpg = Digital Public Goods Standard
assess-dpg-explain = The nine indicators of the Digital Public Goods Standard, each with its status and evidence. Some can only be declared by the publisher.
assess-ai = Open Source AI Definition
assess-ai-explain = This project looks like an AI system: are its parameters, code and information about its training data available under open terms?
assess-status-met = Met
assess-status-declared = Declared
assess-status-missing = Missing
assess-status-not-declared = Not declared
assess-status-not-applicable = Not applicable
assess-status-needs-review = Needs review
declared-by = Declared by { $by } ({ $role }) on { $at }.
declared-by-without-role = Declared by { $by } on { $at }.
indicator-un-open-by-default = Open by default
indicator-un-contribute-back = Contribute back
indicator-un-secure-by-design = Secure by design
indicator-un-inclusive-participation = Foster inclusive participation and innovation
indicator-un-design-for-reusability = Design for reusability
indicator-un-provide-documentation = Provide documentation
indicator-un-rise = RISE (recognise, incentivise, support and empower)
indicator-un-sustain-and-scale = Sustain and scale
indicator-dpg-sdg-relevance = Relevance to the Sustainable Development Goals
indicator-dpg-open-licensing = Use of approved open licenses
indicator-dpg-clear-ownership = Clear ownership
indicator-dpg-platform-independence = Platform independence
indicator-dpg-documentation = Documentation
indicator-dpg-data-extraction = Mechanism for extracting data and content
indicator-dpg-privacy-and-laws = Adherence to privacy and applicable laws
indicator-dpg-standards-best-practices = Adherence to standards and best practices
indicator-dpg-do-no-harm = Do no harm by design
indicator-parameters = Parameters (weights)
indicator-code = Code
indicator-data-information = Information about the training data
assess-cost = Cost to rebuild, value of reuse
assess-cost-explain = What building this software again would cost, estimated from its size with the basic COCOMO model, beside how many organisations already use it.
cost-lines = Lines of code
cost-no-code = No source code was counted in this repository (only data, documentation or configuration), so there is no cost to rebuild to show.
cost-effort = Effort (person-months)
cost-schedule = Schedule (months)
cost-people = Average team size
cost-used-by = Organisations using it
cost-dependents = Catalog entries building on it
cost-languages = Languages
nav-licenses = License guide
licenses-families = License families
licenses-common = Common licenses
licenses-compatibility = Combining licenses
licenses-obligations = What you must do
licenses-combine = Combining
licenses-contents = On this page
licenses-compatibility-lead = Can code under one license be included in a work under another? The most frequent cases:
licenses-code-under = Code under
licenses-included-in = Included in a work under
licenses-answer = Answer
licenses-note = Why
licenses-any-license = Any license, open or closed
licenses-closed-software = Closed software that is distributed

# Federation: provenance on the software page, exports on the about page.
listed-via = Listed via
also-listed-in = Also listed in
listing-read = read
about-export-heading = Export and federation
about-export-text = Other catalogs, data portals and research archives can read this catalog in the formats they already harvest. Each format is public and needs no account.
export-open-catalog = Software Catalog API
export-open-catalog-text = The API that Developers Italia, the Swiss catalog and the EU open-source catalogue speak: other catalogs page through every entry with its publiccode.yml as published. This catalog also reads its peers through it.
export-dcat = DCAT-AP 3 (Turtle)
export-dcat-text = The whole catalog as linked data for data portals such as data.europa.eu: one record per entry.
export-codemeta = CodeMeta (JSON-LD)
export-codemeta-text = Each entry described with the CodeMeta vocabulary, for research catalogs and software archives.
export-dump = Full JSON dump
export-dump-text = Every listed entry with its raw publiccode.yml, for offline mirrors and analysis.
export-atom = Atom feeds
export-atom-text = New and changed entries, newest first, for the whole catalog and for each organisation.

# The assessment in brief, at the top of the software page.
summary-heading = Before you reuse it
summary-footer = In brief, from the latest automatic assessment of the repository.
summary-full = Full assessment and evidence
summary-median = { $count ->
    [one] catalog median { $median } ({ $count } project assessed)
   *[other] catalog median { $median } ({ $count } projects assessed)
}
summary-out-of-10 = { $score } out of 10
summary-not-computed = Not computed
summary-not-checked = Not checked
summary-database-of = vulnerability database of { $date }
summary-license-osi = { $license }, OSI-approved
summary-last-commit-days = { $count ->
    [0] Last commit today
    [one] Last commit { $count } day ago
   *[other] Last commit { $count } days ago
}
summary-vitality-index = vitality { $index } out of 100
verdict-license-permissive = You may reuse, change and redistribute it, keeping the copyright and licence notices.
verdict-license-weak-copyleft = You may reuse it in your own software; changes to its own files must be shared under the same licence.
verdict-license-strong-copyleft = You may reuse and change it; software you distribute that includes it must be released under the same licence.
verdict-license-network-copyleft = You may reuse and change it; if you offer it as an online service, you must publish your changes.
verdict-license-unknown = The licence could not be identified: ask the publisher before reusing it.
verdict-license-mismatch = The licence files disagree with the licence declared in publiccode.yml: ask the publisher which one applies.
verdict-license-combination = Several licences were found and nothing says whether they all apply or offer a choice: ask the publisher.
verdict-security-above = Stronger security practices than half of the assessed projects in the catalog.
verdict-security-below = Weaker security practices than half of the assessed projects in the catalog: read which checks failed.
verdict-security-at = Security practices at the catalog’s median.
verdict-security-alone = No other assessed project to compare with yet.
verdict-security-none = The checks could not be computed from the repository.
verdict-vulnerabilities-no-database = No vulnerability database was available to the catalog, so the dependencies were not checked.
verdict-vulnerabilities-no-lockfile = No lockfile was found, so the exact dependency versions could not be checked.
verdict-vulnerabilities-none = { $count ->
    [one] The { $count } locked dependency has no known vulnerability.
   *[other] None of the { $count } locked dependencies has a known vulnerability.
}
verdict-vulnerabilities-found = Update the affected dependencies before deploying it; the fixed versions are listed below.
verdict-vitality-active = Actively maintained: changes in the last three months.
verdict-vitality-slow = Slow: no change in the last three months, but some in the last year.
verdict-vitality-dormant = No change for more than a year: plan to maintain it yourself.
verdict-vitality-unknown = The history could not be read.

# The methodology page (/methodology).
method-title = How the assessment is made
method-lead = Every project in the catalog is assessed automatically from a copy of its repository, at the commit the crawler read. Nothing is scored by hand. This page says what each part looks at, what it cannot see, and how to contest a result.
method-contents = Contents
method-link = How this is computed
method-version = Method version of the assessments on this server:
method-license = Licence
method-license-text = The licence files at the root of the repository are compared with the texts of the SPDX licence list, word for word after normalisation. When a text is within a small margin of a common licence, the common licence is chosen and the near-copy is named. When there are several licence files, the project's own declaration says how they combine (Cargo.toml, package.json, pyproject.toml or setup.cfg, composer.json, a gemspec, pom.xml, or a sentence in the README or COPYING); without one, the catalog says the combination is unknown rather than guessing. The result is compared with the licence declared in publiccode.yml. The family (permissive, weak, strong or network copyleft) is that of the effective expression: the least demanding option when there is a choice (OR), the most demanding when all apply (AND).
method-security = Security practices
method-security-text = Checks modelled on OpenSSF Scorecard, computed from the repository alone: binary artifacts, dangerous workflow patterns, a dependency update tool, fuzzing, a licence, maintenance, pinned dependencies, static analysis, a security policy, signed releases, token permissions, tests in continuous integration and known vulnerabilities. Each check scores from 0 to 10 and counts with the weight of its risk level (critical 10, high 7.5, medium 5, low 2.5); the score is their weighted mean, out of 10. A check that could not reach a conclusion is left out of the mean. This is not the official Scorecard, and the checks that differ from it are marked.
method-vulnerabilities = Known vulnerabilities
method-vulnerabilities-text = The exact dependency versions written in lockfiles (Cargo.lock, package-lock.json, yarn.lock, poetry.lock, go.sum, composer.lock and others) are matched against the OSV vulnerability database that the catalog's operator imports. A project without a lockfile, or a catalog without the database, is shown as not checked, never as safe.
method-vitality = Maintenance activity
method-vitality-text = The history of the default branch gives the commits and distinct authors of the last 90 and 365 days, the releases (tags), the bus factor (the fewest authors who made half of the year's commits) and the date of the last commit. The vitality index, from 0 to 100, is computed as the Developers Italia crawler computes it over the last 60 days, so that its figures compare with theirs; it has a floor, so read it with the other figures. A project with no change for more than a year is shown as dormant.
method-principles = UN Open Source Principles and Digital Public Goods Standard
method-principles-text = Each principle or indicator has a rule that evidence in the repository can meet (for example a CONTRIBUTING guide, an OSI-approved licence, a security policy). Some can only be stated by the publisher, such as relevance to the Sustainable Development Goals or adherence to privacy laws: without a declaration they are shown as not declared, which is not the same as not met. A declaration shows who made it, in which role and when, and never overrides evidence.
method-cost = Cost to rebuild
method-cost-text = Lines of code are counted without blanks, comments, vendored, generated or minified files, and turned into effort, schedule and cost with the basic COCOMO model (organic mode), with the default yearly wage and overhead of the scc tool. It is an order of magnitude of what reuse saves, not a quote.
method-offline = What it cannot see
method-offline-text = The assessment reads only the repository at one commit, without the forge's API and without the internet. It cannot see branch protection, code reviews, the forge's issues and stars, OSS-Fuzz membership or best-practice badges, and only the default branch is read. Long histories are cut at a limit, which the report says. Results are as of the assessment date shown with them.
method-contest = How to contest a result
method-contest-text = Every result shows its evidence: the rule applied, the file and the commit. If the repository was wrong, correct it and the next crawl assesses the new commit. What only the publisher can state is declared with a publisher token, through the API's declarations (PUT /api/v1/software/ID/declarations/ITEM), and shown with the publisher's name. If a rule itself is wrong, write to the catalog's operator with the link to the report (/api/v1/software/ID/assessment) and the method version it names.

# Search by meaning and similar entries.
match-meaning = Found by meaning, described in { $language }
match-meaning-other = Found by meaning
similar-heading = Also solves this
similar-intro = Entries whose descriptions mean much the same, in any language: other organisations' first, closest first. Look at them before you build or buy.
similar-score = { $percent } % alike
similar-same-organisation = same organisation
relation-based-on = this entry is based on it
relation-basis-of = based on this entry
relation-depends-on = this entry depends on it
relation-dependency-of = depends on this entry
duplicates-title = Possible duplicates
duplicates-lead = Software from different organisations whose descriptions mean much the same, in any language, at { $percent } % alike or more. Before building one more, talk to those who already have.
duplicates-none = No possible duplicates at this threshold.
duplicates-incomplete = The entries are still being compared; more groups may appear.
duplicates-unavailable = Search by meaning is not available on this server, so duplicates cannot be found.
duplicates-group = Group { $number }
duplicates-reuse-heading = Declared reuse
duplicates-reuse-text = These are alike because one builds on the other, as their publiccode.yml files declare: reuse, not duplication.

## Sign-in, roles and curation
sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as
sign-in-needed-title = Sign in first
sign-in-needed-text = This page is for people signed in to the catalog. Sign in, then send the form again.
not-allowed-title = Not for your role
not-allowed-text = Your roles in this catalog do not let you open this page or do this. An administrator can give you the role you need.
conflict-title = Decided already
conflict-text = Someone else acted first. Open the page again to see where things stand.
account-title = Your account
account-roles = Your roles
account-no-roles = You have no role yet. Ask to publish your organisation’s software, and a curator will review it.
account-pages = What you can do
role-admin = Administrator
role-curator = Curator
role-member = Publisher member
role-by-configuration = given by the server’s configuration
roles-title = Roles
roles-lead = Who may administer the catalog, review requests to publish, or speak for an organisation. Every change is recorded in the audit log.
roles-holders = Who holds a role
roles-none = Nobody holds a role given in the catalog yet.
field-email = E-mail address
field-role = Role
field-organisation = Organisation
granted-by = Given by
role-revoke = Take back
scope-all = Every organisation
role-grant = Give a role
role-scope-help = A curator reviews the requests of one organisation, or of every one; a publisher member speaks for one organisation; an administrator is one for the whole catalog.
role-grant-submit = Give the role
publish-title = Publish your organisation’s software
publish-lead = Ask for your organisation’s forge group to be catalogued. A curator checks that you speak for it; once accepted, you become its publisher member.
requests-mine = Your requests
publish-ask = Ask to publish
field-organisation-name = Organisation’s name
field-organisation-id = Organisation identifier
field-organisation-id-help = Lower-case letters, digits and dashes, such as “unicef” or “un-habitat”.
field-forge-url = Address of the forge group or organisation
field-evidence = Why you speak for this organisation
field-evidence-help = Your role, a page that names you, or a colleague the curators can ask. The curators see it.
publish-submit = Send the request
requests-title = Requests to publish
requests-lead = Requests waiting for a curator come first. A decision needs a reason: the requester reads it.
requests-none = No request yet.
field-requester = Asked by
field-status = Status
field-reason = Reason
request-accept = Accept
request-refuse = Refuse
request-pending = Waiting for a curator
request-accepted = Accepted
request-refused = Refused
audit-title = Audit log
audit-lead = Every change made on someone’s behalf, newest first, with the state after it. The log is chained by hashes: `commons audit verify` finds any row altered or removed.
audit-who = Who
audit-what = Action
audit-filter = Filter
audit-none = No entry matches.
audit-when = When
audit-target = On
audit-change = Change
audit-older = Older entries
sign-in-failed-title = The sign-in did not complete
sign-in-failed-text = Nobody was signed in. Start again from the sign-in link; if it fails again, the detail below helps your administrator.
tokens-title = API tokens
tokens-lead = A token lets your systems declare, through the API, what an assessment cannot detect in your organisation's repositories. It expires; revoke it as soon as it is no longer needed. Every issue and revocation is in the audit log.
tokens-list = Tokens
tokens-none = No token yet.
token-label = Label
token-days = Valid for (days)
token-days-help = { $count ->
    [one] At most { $count } day.
   *[other] At most { $count } days.
}
token-issue = Issue a token
token-issue-submit = Issue the token
token-issued-title = Your new token
token-issued-text = Copy it now: it is shown only this once, and the catalog keeps only its hash.
token-issued-use = Send it in the header
token-revoke = Revoke
token-never = never
field-issued = Issued
field-expires = Expires
field-revoked = Revoked
field-uses = Uses
account-tokens-of = API tokens of { $organisation }
entry-curation-title = Presentation
entry-curation-lead = How the catalog shows this entry, whatever its publiccode.yml says: hidden from every list, featured on the home page, or superseded by another entry. Readers see the reason of a replacement; every change is in the audit log.
entry-curation-now = Now
entry-hidden = Hidden from every list
entry-featured = Featured on the home page
entry-superseded-by = Superseded by
entry-superseded-help = The identifier of the entry that replaces this one, as in its address (/software/…). Leave empty otherwise.
entry-hide = Hide from every list
entry-feature = Feature on the home page
entry-curation-submit = Save
entry-curate-link = Presentation
entry-superseded-notice = The curators recommend its successor:
home-featured = Featured by the curators

## The publishers registry
registry-title = Publishers registry
registry-lead = Who publishes, and where the crawler looks: each publisher’s forge groups, organisations or repositories, or the peer catalog it stands for. Every change saves a new revision and is recorded in the audit log.
registry-source-database = This server’s crawler reads this registry before each round and each webhook.
registry-source-file = This server crawls the registry file it was started with: change the file, then restart the server. Here the registry can be read, not changed.
registry-source-none = This server does not crawl. A server of this catalog started with --crawl crawls this registry.
registry-revision = Revision
registry-publishers = Publishers
registry-empty = The registry is empty.
registry-add = Add a publisher
registry-export = Download as a registry file (YAML)
registry-import = Import a registry file
registry-import-label = Registry file (YAML)
registry-import-help = Paste a whole registry file: it replaces the registry if it passes every check. For a file over 4 MiB, use commons publishers import.
registry-import-submit = Import
registry-import-problems = The file was not imported. Problems, by line and column:
field-publisher-id = Identifier
field-name = Name
field-uri = Identifier of the organisation (URL or URN)
field-hosting = Hosting locations
field-hosting-url = Address
field-hosting-kind = Kind
field-hosting-api = API base
hosting-help = A GitLab group, a GitHub organisation or user, a Gitea or Forgejo organisation, or one plain git repository. Give an API base only when it is not the forge’s usual one. Empty a line’s address to remove it.
field-peer-catalog = Or the address of a peer catalog’s API
field-peer-catalog-help = A catalog that speaks the Software Catalog API, whose entries are pulled. A publisher has hosting locations or a peer catalog, not both.
field-state = State
publisher-active = Crawled
publisher-suspended = Suspended
publisher-edit = Edit
publisher-view = View
publisher-edit-title = Publisher
publisher-new-title = New publisher
publisher-save = Save
publisher-problems = Not saved. What to fix:
publisher-suspend = Suspend
publisher-suspend-help = A suspended publisher is not crawled and its webhooks are refused. Its entries stay in the catalog, and its hosting locations stay reserved to it.
publisher-resume = Crawl again
request-registry-kind = Add the forge group to the registry as
request-registry-none = Do not add it
kind-gitlab = GitLab group
kind-github = GitHub organisation or user
kind-gitea = Gitea or Forgejo organisation
kind-git = Plain git repository
kind-catalog = Peer catalog

## A member's declarations
declarations-title = Declarations
declarations-lead = What your organisation declares about this software where no repository can show it. A declaration takes effect in the assessment at once and is public; a new one replaces the current one, and every declaration and withdrawal stays in the entry’s history and the audit log.
declarations-only-you = Only the publisher can show these
declarations-others = The other principles and indicators
declarations-others-help = The assessment checks these in the repository; a declaration adds what it cannot see.
declaration-none = Not declared
declaration-declared = Declared
declaration-not-applicable = Declared not applicable
declaration-by = By
declaration-field-by = Who declares (a person’s name)
declaration-field-role = Their role or title
declaration-field-statement = Statement
declaration-field-url = Link to the supporting document
declaration-field-not-applicable = This does not apply to this software
declaration-help = Give a statement, a link, or tick “does not apply”.
declaration-submit = Declare
declaration-withdraw = Withdraw the declaration

token-scope = Scope
token-scope-declarations = Declarations only
token-scope-publishing = Declarations and publishing
token-scope-help = A publishing token may also ask the catalog to read one of your repositories again (POST /api/v1/hooks/publisher), from a release pipeline for instance.
publisher-too-many-hostings = This publisher has more hosting locations than this form holds: change it by importing a registry file.
