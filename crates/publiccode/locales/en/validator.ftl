# The validator's diagnostics (commons-publiccode), in English. Each diagnostic keeps this text
# in its `message`, beside the message id and arguments: keep both in step, and keep the English
# exactly as it is, since conformance tests compare it with the reference validator's messages.
# Arguments: $field is a key of the standard (`license`, `categories[2]`); $value, $key, $code
# and $version are text from the file, shown as written; numbers are counts and sizes.

## The file as a whole

validator-file-too-large = the file is { $size } bytes, more than the { $max } bytes allowed for a publiccode.yml
validator-invalid-utf8 = Invalid UTF-8: the byte at offset { $offset } is not valid UTF-8 (save the file as UTF-8)
validator-nul-bytes = the file contains NUL bytes: it looks binary, not YAML
validator-empty-file = publiccodeYmlVersion is a required field (the file is empty)
validator-not-a-mapping = the document must be a mapping of keys (publiccodeYmlVersion: ..., name: ...)
validator-stopped = the validation was stopped before it finished
validator-more-problems-not-listed = and { $total } more problems ({ $errors } errors, { $warnings } warnings) not listed: only the first { $listed } are; correct these and validate again

## YAML syntax ($detail is the YAML parser's own description of the error, in English)

validator-yaml-syntax = YAML syntax error: { $detail }
validator-yaml-multiple-documents = YAML syntax error: multiple YAML documents in one file are not supported
validator-yaml-too-deep = YAML syntax error: nesting is deeper than { $max } levels
validator-yaml-too-many-nodes = YAML syntax error: the document has more than { $max } nodes (keys, values and list items; an alias counts its value's nodes each time it is used)
validator-yaml-aliases-too-large = YAML syntax error: aliases expand to more than { $max } bytes of text (an alias repeats a large value too often?)
validator-yaml-unknown-anchor = YAML syntax error: alias refers to an unknown anchor
validator-yaml-key-not-scalar = YAML syntax error: a mapping key must be a plain value, not a list or a mapping
validator-yaml-duplicate-key = YAML syntax error: duplicate key "{ $key }": each key may appear only once

## publiccodeYmlVersion

validator-version-missing = publiccodeYmlVersion is a required field (write publiccodeYmlVersion: "0")
validator-version-not-text = wrong type for this field: publiccodeYmlVersion must be text; quote it (publiccodeYmlVersion: "0")
validator-version-unsupported = unsupported version: '{ $version }'. Supported versions: { $supported }
validator-version-not-latest = v{ $version } is not the latest version, use '0'. Parsing this file as v{ $latest }.

## Types and keys (what the key needs, then what the file has)

validator-wrong-type = wrong type for this field
validator-wrong-type-mapping-list = wrong type for this field: expected a mapping, found a list
validator-wrong-type-mapping-text = wrong type for this field: expected a mapping, found text
validator-wrong-type-mapping-boolean = wrong type for this field: expected a mapping, found a boolean
validator-wrong-type-mapping-number = wrong type for this field: expected a mapping, found a number
validator-wrong-type-text-list = wrong type for this field: expected text, found a list
validator-wrong-type-text-mapping = wrong type for this field: expected text, found a mapping
validator-wrong-type-boolean-text = wrong type for this field: expected true or false, found text (write true or false without quotes; yes/no/on/off are text in YAML 1.2)
validator-wrong-type-boolean-number = wrong type for this field: expected true or false, found a number
validator-wrong-type-boolean-list = wrong type for this field: expected true or false, found a list
validator-wrong-type-boolean-mapping = wrong type for this field: expected true or false, found a mapping
validator-wrong-type-list-mapping = wrong type for this field: expected a list, found a mapping
validator-wrong-type-list-text = wrong type for this field: expected a list, found text
validator-wrong-type-list-boolean = wrong type for this field: expected a list, found a boolean
validator-wrong-type-list-number = wrong type for this field: expected a list, found a number
validator-unknown-field = unknown field "{ $field }": the standard has no such key here (check its spelling and case)

## Values (the standard's rules)

validator-required = { $field } is a required field
# $choices are the allowed values but the last, quoted and separated by commas ("a", "b"); $last is the last one ("c").
validator-one-of = { $field } must be one of the following: { $choices } or { $last }
validator-not-http-url = { $field } must be an HTTP URL (http:// or https:// with a host), not '{ $value }'
validator-not-a-date = { $field } must be a date with format 'YYYY-MM-DD', not '{ $value }'
validator-not-an-email = { $field } must be a valid email address
validator-too-long = { $field } must be a maximum of { $max } characters in length (it has { $length })
validator-too-short = { $field } must be at least { $min } characters in length (it has { $length })
validator-url-invalid = url must be a valid URL, not '{ $value }'
validator-not-a-url = { $field } must be a valid URL
validator-not-a-mime-type = { $field } is not a valid MIME type
validator-platforms-empty = platforms must contain more than 0 items (for example: web, linux, windows, mac, android, ios)
validator-unknown-category = { $field } must be a valid category, and '{ $value }' is not one (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)
validator-unknown-alias = id contains an unknown alias '{ $value }' (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)
validator-support-id-invalid = id must be a known alias ('alias:<name>') or a valid URI (URL or URN)
validator-organisation-uri-invalid = uri is not a valid URI: use the organisation's website URL or a URN
validator-organisation-uri-ipa = uri must be a valid Italian Public Administration Code (iPA) with format 'urn:x-italian-pa:[codiceIPA]' (see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-unknown-scope = { $field } must be a valid scope, and '{ $value }' is not one (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)
validator-not-a-country = { $field } must be a valid ISO 3166-1 alpha-2 two-letter country code, and '{ $value }' is not one
validator-description-empty = description must contain more than 0 items: describe the software in at least one language
validator-description-language = description must be a valid BCP 47 language, and '{ $value }' is not one (write en, en-GB, fr, zh-Hans, ...)
validator-features-empty = features must contain more than 0 items: list the software's key features
validator-video-not-http-url = { $field } must be an HTTP URL
validator-video-not-oembed = '{ $value }' is not a valid video URL supporting oEmbed: link a video page on a platform such as YouTube, Vimeo, Dailymotion or PeerTube
validator-license-invalid = license must be a valid license, and '{ $value }' is not an SPDX expression (see https://spdx.org/licenses for identifiers, combined with AND, OR, WITH)
# $type is the maintenance type, as written in the standard: community or internal.
validator-contacts-required = contacts is a required field when "type" is "{ $type }"
validator-contractors-required = contractors is a required field when "type" is "contract"
validator-contractors-not-allowed = contractors must not be present unless "type" is "contract"
validator-localisation-ready-required = localisationReady is a required field (true or false)
validator-available-languages-empty = availableLanguages must contain more than 0 items
validator-not-a-language = { $field } must be a valid BCP 47 language, and '{ $value }' is not one
# The key (logo, screenshots, authorsFile) is shown beside the message.
validator-absolute-path = is an absolute path. Only relative paths or HTTP(s) URLs allowed
validator-file-url = is a file:// URL. Only relative paths or HTTP(s) URLs allowed
validator-codice-ipa-invalid = codiceIPA must be a valid Italian Public Administration Code (iPA) (see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-it-duplicate = 'IT' key already present. Remove this key

## Deprecations (warnings)

validator-deprecated-drop = This key is DEPRECATED and will be removed in the future. It's safe to drop it
# $key is the key to use instead (logo, organisation.name).
validator-deprecated-use = This key is DEPRECATED and will be removed in the future. Use '{ $key }' instead
validator-country-lowercase = Lowercase country codes are DEPRECATED. Use uppercase instead ('{ $code }')
validator-it-lowercase = Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead
validator-codice-ipa-deprecated = This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' and set it to 'urn:x-italian-pa:{ $code }' instead
