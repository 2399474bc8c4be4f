# Diagnostics du validateur (commons-publiccode), en français. Le texte anglais de chaque
# diagnostic reste dans son `message`, à côté de l’identifiant du message et de ses arguments.
# Arguments : $field est une clé du standard (`license`, `categories[2]`) ; $value, $key, $code
# et $version sont du texte du fichier, affiché tel quel ; les nombres sont des quantités et des tailles.

## Le fichier dans son ensemble

validator-file-too-large = le fichier fait { $size ->
        [one] { $size } octet
       *[other] { $size } octets
    }, plus que les { $max ->
        [one] { $max } octet autorisé
       *[other] { $max } octets autorisés
    } pour un publiccode.yml
validator-invalid-utf8 = UTF-8 non valide : l’octet à la position { $offset } n’est pas un octet UTF-8 valide (enregistrez le fichier en UTF-8)
validator-nul-bytes = le fichier contient des octets NUL : il semble binaire, et non YAML
validator-empty-file = publiccodeYmlVersion est un champ obligatoire (le fichier est vide)
validator-not-a-mapping = le document doit être un dictionnaire de clés (publiccodeYmlVersion: ..., name: ...)
validator-stopped = la validation a été interrompue avant la fin
validator-more-problems-not-listed = et { $total ->
        [one] { $total } autre problème non affiché
       *[other] { $total } autres problèmes non affichés
    } ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }) : seuls les { $listed } premiers sont affichés ; corrigez-les et validez de nouveau

## Syntaxe YAML ($detail est la description de l’erreur donnée par l’analyseur YAML, en anglais)

validator-yaml-syntax = erreur de syntaxe YAML : { $detail }
validator-yaml-multiple-documents = erreur de syntaxe YAML : un fichier ne peut pas contenir plusieurs documents YAML
validator-yaml-too-deep = erreur de syntaxe YAML : l’imbrication dépasse { $max ->
        [one] { $max } niveau
       *[other] { $max } niveaux
    }
validator-yaml-too-many-nodes = erreur de syntaxe YAML : le document compte plus de { $max ->
        [one] { $max } nœud
       *[other] { $max } nœuds
    } (clés, valeurs et éléments de liste ; un alias compte les nœuds de sa valeur à chaque utilisation)
validator-yaml-aliases-too-large = erreur de syntaxe YAML : les alias se développent en plus de { $max ->
        [one] { $max } octet
       *[other] { $max } octets
    } de texte (un alias répète-t-il trop souvent une valeur volumineuse ?)
validator-yaml-unknown-anchor = erreur de syntaxe YAML : l’alias renvoie à une ancre inconnue
validator-yaml-key-not-scalar = erreur de syntaxe YAML : une clé de dictionnaire doit être une valeur simple, et non une liste ou un dictionnaire
validator-yaml-duplicate-key = erreur de syntaxe YAML : clé "{ $key }" en double ; chaque clé ne peut apparaître qu’une fois

## publiccodeYmlVersion

validator-version-missing = publiccodeYmlVersion est un champ obligatoire (écrivez publiccodeYmlVersion: "0")
validator-version-not-text = type incorrect pour ce champ : publiccodeYmlVersion doit être du texte ; mettez-le entre guillemets (publiccodeYmlVersion: "0")
validator-version-unsupported = version non prise en charge : '{ $version }'. Versions prises en charge : { $supported }
validator-version-not-latest = v{ $version } n’est pas la dernière version, utilisez '0'. Ce fichier est lu comme v{ $latest }.

## Types et clés (ce qu’attend la clé, puis ce que contient le fichier)

validator-wrong-type = type incorrect pour ce champ
validator-wrong-type-mapping-list = type incorrect pour ce champ : dictionnaire attendu, liste trouvée
validator-wrong-type-mapping-text = type incorrect pour ce champ : dictionnaire attendu, texte trouvé
validator-wrong-type-mapping-boolean = type incorrect pour ce champ : dictionnaire attendu, booléen trouvé
validator-wrong-type-mapping-number = type incorrect pour ce champ : dictionnaire attendu, nombre trouvé
validator-wrong-type-text-list = type incorrect pour ce champ : texte attendu, liste trouvée
validator-wrong-type-text-mapping = type incorrect pour ce champ : texte attendu, dictionnaire trouvé
validator-wrong-type-boolean-text = type incorrect pour ce champ : true ou false attendu, texte trouvé (écrivez true ou false sans guillemets ; yes/no/on/off sont du texte en YAML 1.2)
validator-wrong-type-boolean-number = type incorrect pour ce champ : true ou false attendu, nombre trouvé
validator-wrong-type-boolean-list = type incorrect pour ce champ : true ou false attendu, liste trouvée
validator-wrong-type-boolean-mapping = type incorrect pour ce champ : true ou false attendu, dictionnaire trouvé
validator-wrong-type-list-mapping = type incorrect pour ce champ : liste attendue, dictionnaire trouvé
validator-wrong-type-list-text = type incorrect pour ce champ : liste attendue, texte trouvé
validator-wrong-type-list-boolean = type incorrect pour ce champ : liste attendue, booléen trouvé
validator-wrong-type-list-number = type incorrect pour ce champ : liste attendue, nombre trouvé
validator-unknown-field = champ inconnu "{ $field }" : le standard ne prévoit pas cette clé à cet endroit (vérifiez son orthographe et la casse)

## Valeurs (les règles du standard)

validator-required = { $field } est un champ obligatoire
# $choices sont les valeurs autorisées sauf la dernière, entre guillemets et séparées par des virgules ("a", "b") ; $last est la dernière ("c").
validator-one-of = { $field } doit prendre l’une des valeurs suivantes : { $choices } ou { $last }
validator-not-http-url = { $field } doit être une URL HTTP (http:// ou https:// avec un hôte), et non '{ $value }'
validator-not-a-date = { $field } doit être une date au format 'YYYY-MM-DD', et non '{ $value }'
validator-not-an-email = { $field } doit être une adresse électronique valide
validator-too-long = { $field } doit compter au plus { $max ->
        [one] { $max } caractère
       *[other] { $max } caractères
    } (longueur actuelle : { $length })
validator-too-short = { $field } doit compter au moins { $min ->
        [one] { $min } caractère
       *[other] { $min } caractères
    } (longueur actuelle : { $length })
validator-url-invalid = url doit être une URL valide, et non '{ $value }'
validator-not-a-url = { $field } doit être une URL valide
validator-not-a-mime-type = { $field } n’est pas un type MIME valide
validator-platforms-empty = platforms doit contenir au moins un élément (par exemple : web, linux, windows, mac, android, ios)
validator-unknown-category = { $field } doit être une catégorie valide, ce que '{ $value }' n’est pas (voir https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)
validator-unknown-alias = id contient un alias inconnu '{ $value }' (voir https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)
validator-support-id-invalid = id doit être un alias connu ('alias:<name>') ou un URI valide (URL ou URN)
validator-organisation-uri-invalid = uri n’est pas un URI valide : indiquez l’URL du site web de l’organisation ou un URN
validator-organisation-uri-ipa = uri doit être un code valide de l’administration publique italienne (iPA) au format 'urn:x-italian-pa:[codiceIPA]' (voir https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-unknown-scope = { $field } doit être un secteur valide, ce que '{ $value }' n’est pas (voir https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)
validator-not-a-country = { $field } doit être un code de pays ISO 3166-1 alpha-2 valide à deux lettres, ce que '{ $value }' n’est pas
validator-description-empty = description doit contenir au moins un élément : décrivez le logiciel dans au moins une langue
validator-description-language = description doit être une langue BCP 47 valide, ce que '{ $value }' n’est pas (écrivez en, en-GB, fr, zh-Hans, ...)
validator-features-empty = features doit contenir au moins un élément : énumérez les principales fonctionnalités du logiciel
validator-video-not-http-url = { $field } doit être une URL HTTP
validator-video-not-oembed = '{ $value }' n’est pas une URL de vidéo valide compatible avec oEmbed : indiquez la page d’une vidéo sur une plateforme telle que YouTube, Vimeo, Dailymotion ou PeerTube
validator-license-invalid = license doit être une licence valide, et '{ $value }' n’est pas une expression SPDX (voir https://spdx.org/licenses pour les identifiants, combinés avec AND, OR, WITH)
# $type est le type de maintenance, tel qu’il est écrit dans le standard : community ou internal.
validator-contacts-required = contacts est un champ obligatoire lorsque "type" vaut "{ $type }"
validator-contractors-required = contractors est un champ obligatoire lorsque "type" vaut "contract"
validator-contractors-not-allowed = contractors ne doit pas être présent sauf si "type" vaut "contract"
validator-localisation-ready-required = localisationReady est un champ obligatoire (true ou false)
validator-available-languages-empty = availableLanguages doit contenir au moins un élément
validator-not-a-language = { $field } doit être une langue BCP 47 valide, ce que '{ $value }' n’est pas
# La clé (logo, screenshots, authorsFile) est affichée à côté du message.
validator-absolute-path = est un chemin absolu. Seuls les chemins relatifs ou les URL HTTP(S) sont autorisés
validator-file-url = est une URL file://. Seuls les chemins relatifs ou les URL HTTP(S) sont autorisés
validator-codice-ipa-invalid = codiceIPA doit être un code valide de l’administration publique italienne (iPA) (voir https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-it-duplicate = clé 'IT' déjà présente. Supprimez cette clé

## Obsolescences (avertissements)

validator-deprecated-drop = Cette clé est OBSOLÈTE et sera supprimée à l’avenir. Vous pouvez la retirer sans risque
# $key est la clé à utiliser à la place (logo, organisation.name).
validator-deprecated-use = Cette clé est OBSOLÈTE et sera supprimée à l’avenir. Utilisez plutôt '{ $key }'
validator-country-lowercase = Les codes de pays en minuscules sont OBSOLÈTES. Utilisez plutôt des majuscules ('{ $code }')
validator-it-lowercase = Les codes de pays en minuscules sont OBSOLÈTES et seront supprimés à l’avenir. Utilisez plutôt 'IT'
validator-codice-ipa-deprecated = Cette clé est OBSOLÈTE et sera supprimée à l’avenir. Utilisez plutôt 'organisation.uri' avec la valeur 'urn:x-italian-pa:{ $code }'
