# The sentences of an assessment report (commons-assess). English is the method's own text:
# the report stores it beside each message id, so keep both in step when a sentence changes.
# Arguments in backticks are commands, files or identifiers, shown as written.

## Security checks (modelled on OpenSSF Scorecard)

security-binary-none = no binary artifacts in the tree
security-binary-found = { $count ->
    [one] { $count } binary artifact checked in
   *[other] { $count } binary artifacts checked in
}
security-binary-too-many = more than 20,000 candidate files; the rest were not inspected
evidence-binary-bytes = { $bytes } bytes, not text
security-no-workflows = no workflows
security-dangerous-none = no dangerous workflow patterns
security-dangerous-found = { $count ->
    [one] { $count } dangerous pattern
   *[other] { $count } dangerous patterns
}
evidence-script-injection = job { $job }: `run` expands untrusted { $context }
evidence-untrusted-checkout = job { $job }: privileged trigger ({ $triggers }) checks out the pull request's code ({ $reference })
security-update-tool-none = no Dependabot, Renovate, PyUp or Scala Steward configuration
security-update-tool-found = a dependency update tool is configured
evidence-configuration-file = configuration file
evidence-clusterfuzzlite = ClusterFuzzLite configuration
evidence-fuzzer-signature = { $language } fuzzing: `{ $signature }`
security-fuzzing-none = no fuzzing found (OSS-Fuzz membership is not checked offline)
security-fuzzing-found = fuzzing is set up
evidence-license-file = license file
security-license-none = no license file
security-license-approved = license file at the top level, recognised as an OSI/FSF-approved license
security-license-partial = license file found but not at the top level or not recognised as approved
security-history-not-read = history not read
security-maintained-young = first commit less than 90 days ago
security-maintained-commits = { $count ->
    [one] { $count } commit in the last 90 days (target: one a week)
   *[other] { $count } commits in the last 90 days (target: one a week)
}
evidence-commits-only = commits only: archived status and issue activity are forge data
evidence-unpinned-action = job { $job }: `{ $action }` is not pinned to a full commit hash
evidence-pipe-to-shell = job { $job }: `{ $line }` pipes a download into a shell
evidence-pip-without-hashes = job { $job }: `{ $line }` installs without --require-hashes
evidence-npm-install = job { $job }: `{ $line }` (use `npm ci` to install from the lockfile)
evidence-go-install-unpinned = job { $job }: `{ $line }` installs without a pinned version
evidence-unpinned-image = `FROM { $image }` is not pinned by digest
security-pinned-none = no dependencies in workflows or Dockerfiles
security-pinned-count = { $pinned } of { $total } dependencies pinned (weighted { $pinnedWeight }/{ $totalWeight })
evidence-sast-step = job { $job }: { $step }
evidence-sast-gitlab = GitLab SAST template included
security-sast-none = no static analysis tool in CI
security-sast-found = static analysis runs in CI (per-change coverage is forge data, not checked)
security-policy-none = no SECURITY.md
security-policy-unreadable = security policy unreadable
security-policy-found = security policy found: { $contacts ->
    [one] { $contacts } contact
   *[other] { $contacts } contacts
}, { $mentions ->
    [one] { $mentions } mention
   *[other] { $mentions } mentions
} of vulnerabilities/disclosure/time
evidence-security-policy = security policy
security-no-tags = no tags
security-signed-count = { $signed } of the last { $count ->
    [one] { $count } tag carries
   *[other] { $count } tags carry
} a signature (not verified)
evidence-tag-signed = tag { $tag }: signed
evidence-tag-unsigned = tag { $tag }: not signed
evidence-permissions-read = top-level permissions are read-only
evidence-permissions-write = top-level permissions grant write access
evidence-permissions-per-job = no top-level permissions, but every job declares its own
evidence-permissions-default = no permissions declared: the token gets the repository's default (often write)
security-permissions-read = every workflow restricts the token to read at the top level
security-permissions-write = some workflow leaves the token with write permissions
security-ci-none = no CI configuration
security-ci-no-tests = CI is configured but no step mentions tests
security-ci-tests = CI is configured and runs tests
evidence-ci-config = CI configuration (Scorecard checks CI results on merged PRs; Commons checks the configuration)
security-vulnerabilities-no-database = no OSV export imported (commons osv import)
security-vulnerabilities-count = { $count ->
    [one] { $count } known vulnerability in locked dependencies
   *[other] { $count } known vulnerabilities in locked dependencies
}

## Files a check could not use

error-unreadable = { $file }: unreadable
error-unreadable-or-binary = { $file }: unreadable or not text
error-policy-unreadable = { $file }: not a readable text file (links are not followed)
error-not-regular-file = { $file }: not a regular file (symbolic links are not followed)
error-not-utf8 = { $file }: not UTF-8 text
error-too-many-lockfiles = more than { $limit } lockfiles; the rest were not read
error-too-many-workflows = more than { $limit } workflow files; the rest were not read

## Files that could not be read or parsed: git's and the parsers' own words stay as
## written, in $detail

error-git-spawn = cannot run git: { $detail }
error-not-a-repository = { $file } is not a git repository: { $detail }
error-empty-repository = the repository has no commit on HEAD
error-git-failed = git { $command } failed: { $detail }
error-git-timeout = git { $command } took longer than { $seconds } s and was stopped
error-file-too-large = { $file } is { $size } bytes, more than the { $limit } bytes read from one file
error-history-failed = reading the history failed: { $detail }
error-deadline-passed = the assessment took longer than { $seconds } s and was stopped
error-read-budget-spent = { $file }: not read, the assessment already read { $limit } bytes, its limit
error-git-read = reading from git: { $detail }
error-file-not-read = { $file }: not read: { $detail }
error-tags-not-read = tags not read: { $detail }
error-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-skipped-too-deep = { $file }: skipped: nesting deeper than { $limit } levels (line { $line })
error-skipped-too-many-nodes = { $file }: skipped: aliases expand to more than { $limit } nodes (line { $line })
error-skipped-too-large = { $file }: skipped: aliases expand to more than { $limit } bytes (line { $line })
error-invalid-json = { $file }:{ $line }:{ $column }: invalid JSON: { $detail }
error-invalid-toml = { $file }: invalid TOML: { $detail }
error-invalid-xml = { $file }: invalid XML at byte { $position }: { $detail }
error-xml-too-deep = { $file }: elements nested deeper than { $limit } levels (byte { $position })
error-binary-lockfile = { $file }: binary content, not a lockfile
error-binary-manifest = { $file }: binary content, not a manifest
error-too-many-packages = { $file }: more than { $limit } packages; the lockfile was not used

## Vitality

evidence-history-walk = { $count ->
    [one] { $count } commit reachable from HEAD { $head }; authors identified by e-mail after .mailmap
   *[other] { $count } commits reachable from HEAD { $head }; authors identified by e-mail after .mailmap
}
evidence-last-commit = newest commit by author date
error-history-cut = { $count ->
    [one] history cut after { $count } commit (limit or deadline)
   *[other] history cut after { $count } commits (limit or deadline)
}

## Cost

evidence-cocomo-counting = { $files ->
    [one] { $files } file counted
   *[other] { $files } files counted
} at HEAD { $head }; { $excluded } excluded (vendored, generated, lockfiles); { $large } over 1 MiB skipped
error-too-many-source-files = more than { $limit } source files; the rest were not counted

cost-method-basic-cocomo-organic = basic-cocomo-organic: effort = 2.4 * KSLOC^1.05 person-months, schedule = 2.5 * effort^0.38 months, cost = effort * wage/12 * overhead; code lines by tokei (no blanks, no comments; prose, data and configuration formats, vendored and minified files excluded)

## Principles and indicators: what was found

evidence-file-present = file present
evidence-documentation-directory = documentation directory
evidence-publiccode-valid = valid publiccode.yml
evidence-no-proprietary-dependency = dependsOn.proprietary lists no mandatory dependency
evidence-osi-approved = { $license } is OSI-approved
evidence-osi-approved-files = every license file's license is OSI-approved ({ $licenses })
evidence-no-known-vulnerabilities = { $packages ->
    [one] { $packages } locked package, none affected (OSV data as of { $date })
   *[other] { $packages } locked packages, none affected (OSV data as of { $date })
}
evidence-security-score = Scorecard-like aggregate { $score }
evidence-active-maintainers = { $commits ->
    [one] { $commits } commit
   *[other] { $commits } commits
} by { $people ->
    [one] { $people } person
   *[other] { $people } people
} in the last 365 days

## The repository as a whole

error-tree-truncated = HEAD's tree is larger than the listing limit; later files were not seen
error-publiccode-not-regular = { $file }: not a regular file (symbolic links are not followed)
error-publiccode-invalid = { $file }:{ $line }:{ $column }: { $problem } (run `commons validate` for every problem)

## Open Source AI Definition

evidence-ai-keyword = mentions "{ $word }"
evidence-ai-weights-bytes = { $bytes } bytes of model parameters
evidence-model-card = model card
error-model-card-binary = { $file }: binary, not a model card
evidence-weights-file = weights file
evidence-weights-license-restrictive = model card license `{ $license }` restricts use
evidence-weights-license-approved = model card license `{ $license }` is OSI-approved
evidence-weights-license-unknown = model card license `{ $license }` is not an OSI-approved SPDX id
evidence-weights-repository-license = no model card license; the repository's OSI-approved license is assumed to cover the weights
evidence-training-code = training code
evidence-data-card = data card / datasheet
evidence-model-card-training-data = the model card describes its training data

## Licence

evidence-license-text-match = text matches { $license } (Dice { $score })
evidence-license-near-copy-scores = { $copy }, a near-copy of { $license } under another name, also scores { $copyScore }; { $license } scores { $score } and is taken
evidence-license-variant = { $license } is a near-copy of { $common } under another name, and this text matches { $license } more closely than { $common }
evidence-license-statement = not a license text; it states the project's license: { $expression }
evidence-license-combination = the license files contain { $licenses }, and neither publiccode.yml, a manifest, a README nor the source headers say whether they apply together (AND) or as a choice (OR)
evidence-project-declaration-states = { $field }: "{ $written }" states { $expression }
evidence-project-declaration-names-file = { $field }: "{ $written }" names { $file } as the license text
evidence-project-declaration-problem = { $field }: "{ $written }" no SPDX expression: { $problem }
evidence-project-declaration-none = { $field }: "{ $written }" no SPDX expression
license-file-symlink = is a symbolic link; links are not followed
license-file-not-regular = is not a regular file
license-file-binary = is binary, not a license text (byte at offset { $offset } is not text)
license-file-not-recognised = text not recognised (best match { $candidate } at { $score }, below { $threshold })
license-file-no-match = text not recognised (no candidate, below { $threshold })
error-license-file-symlink = { $file }: is a symbolic link; links are not followed
error-license-file-not-regular = { $file }: is not a regular file
error-license-file-binary = { $file }: is binary, not a license text (byte at offset { $offset } is not text)
error-license-file-not-recognised = { $file }: text not recognised (best match { $candidate } at { $score }, below { $threshold })
error-license-file-no-match = { $file }: text not recognised (no candidate, below { $threshold })
license-mismatch-files-unmentioned = license files contain { $licenses } which legal.license ({ $declared }) does not mention
license-mismatch-declared-invalid = legal.license ({ $declared }) is not a valid SPDX expression
license-mismatch-no-file = legal.license is declared but no license file was recognised
license-mismatch-project-declaration = { $file } { $field } declares { $expression }, which legal.license ({ $declared }) does not match
license-mismatch-files-unmentioned-by-project = license files contain { $licenses } which { $file } { $field } ({ $expression }) does not mention

## What Commons looks for, per principle and indicator (its rule)

rule-un-open-by-default = an OSI-approved license and a publiccode.yml
rule-un-contribute-back = a CONTRIBUTING guide (upstream contributions are declared by the publisher)
rule-un-secure-by-design = a security policy, a dependency update tool and no known vulnerability in locked dependencies
rule-un-inclusive-participation = a code of conduct and a CONTRIBUTING guide
rule-un-design-for-reusability = a publiccode.yml without mandatory proprietary dependencies
rule-un-provide-documentation = a README of some substance, a docs/ directory or a documentation link in publiccode.yml
rule-un-rise = an AUTHORS, CONTRIBUTORS, all-contributors or CITATION file
rule-un-sustain-and-scale = commits in the last year by two or more people, and maintenance declared in publiccode.yml
rule-dpg-sdg-relevance = declared by the publisher (SDGs and how the software serves them)
rule-dpg-open-licensing = an OSI-approved license
rule-dpg-clear-ownership = legal.mainCopyrightOwner or legal.repoOwner in publiccode.yml, or REUSE metadata
rule-dpg-platform-independence = no mandatory proprietary dependency in publiccode.yml (dependsOn.proprietary)
rule-dpg-documentation = a README of some substance, a docs/ directory or a documentation link in publiccode.yml
rule-dpg-data-extraction = declared by the publisher (import/export in non-proprietary formats), or not applicable
rule-dpg-privacy-and-laws = attested by someone authorised to speak for the project
rule-dpg-standards-best-practices = publiccode.yml metadata and a Scorecard-like security score of 5 or more
rule-dpg-do-no-harm = attested by someone authorised to speak for the project (privacy, content, harassment)

## Scorecard checks not computed from a clone, and why

not-computed-Branch-Protection = branch protection rules live in the forge's settings (admin API), not in git
not-computed-Code-Review = reviews and approvals of merged changes are forge data
not-computed-Contributors = needs authors' organisation from forge profiles
not-computed-CII-Best-Practices = needs the OpenSSF Best Practices badge API (network)
not-computed-Webhooks = webhook settings need a forge admin token
not-computed-Packaging = upstream also checks that the publishing workflow ran successfully (forge API)
not-computed-SBOM = half of the score is release assets (forge API); not computed yet for the source half
