# Les phrases d’un rapport d’évaluation (commons-assess). L’anglais est le texte de la méthode elle-même :
# le rapport le conserve à côté de chaque identifiant de message ; gardez donc les deux en phase quand une phrase change.
# Les arguments entre accents graves sont des commandes, des fichiers ou des identifiants, reproduits tels quels.

## Vérifications de sécurité (inspirées d’OpenSSF Scorecard)

security-binary-none = aucun artefact binaire dans l’arborescence
security-binary-found = { $count ->
    [one] { $count } artefact binaire inclus dans le dépôt
   *[other] { $count } artefacts binaires inclus dans le dépôt
}
security-binary-too-many = plus de 20 000 fichiers candidats ; les autres n’ont pas été examinés
evidence-binary-bytes = { $bytes } octets, contenu non textuel
security-no-workflows = aucun workflow
security-dangerous-none = aucun motif de workflow dangereux
security-dangerous-found = { $count ->
    [one] { $count } motif dangereux
   *[other] { $count } motifs dangereux
}
evidence-script-injection = tâche { $job } : `run` insère la valeur non fiable { $context }
evidence-untrusted-checkout = tâche { $job } : un déclencheur privilégié ({ $triggers }) récupère le code de la demande de fusion ({ $reference })
security-update-tool-none = aucune configuration Dependabot, Renovate, PyUp ou Scala Steward
security-update-tool-found = un outil de mise à jour des dépendances est configuré
evidence-configuration-file = fichier de configuration
evidence-clusterfuzzlite = configuration ClusterFuzzLite
evidence-fuzzer-signature = fuzzing { $language } : `{ $signature }`
security-fuzzing-none = aucun fuzzing trouvé (l’appartenance à OSS-Fuzz n’est pas vérifiée hors ligne)
security-fuzzing-found = le fuzzing est en place
evidence-license-file = fichier de licence
security-license-none = aucun fichier de licence
security-license-approved = fichier de licence à la racine, reconnu comme une licence approuvée par l’OSI ou la FSF
security-license-partial = fichier de licence trouvé, mais pas à la racine ou non reconnu comme approuvé
security-history-not-read = historique non lu
security-maintained-young = premier commit il y a moins de 90 jours
security-maintained-commits = { $count ->
    [one] { $count } commit au cours des 90 derniers jours (objectif : un par semaine)
   *[other] { $count } commits au cours des 90 derniers jours (objectif : un par semaine)
}
evidence-commits-only = commits seulement : le statut d’archivage et l’activité des tickets sont des données de la forge
evidence-unpinned-action = tâche { $job } : l’action `{ $action }` n’est pas épinglée à une empreinte de commit complète
evidence-pipe-to-shell = tâche { $job } : `{ $line }` redirige un téléchargement vers un shell
evidence-pip-without-hashes = tâche { $job } : `{ $line }` installe sans --require-hashes
evidence-npm-install = tâche { $job } : `{ $line }` (utilisez `npm ci` pour installer depuis le fichier de verrouillage)
evidence-go-install-unpinned = tâche { $job } : `{ $line }` installe sans version épinglée
evidence-unpinned-image = `FROM { $image }` n’est pas épinglé par empreinte (digest)
security-pinned-none = aucune dépendance dans les workflows ou les fichiers Dockerfile
security-pinned-count = dépendances épinglées : { $pinned } sur { $total } (pondéré : { $pinnedWeight }/{ $totalWeight })
evidence-sast-step = tâche { $job } : { $step }
evidence-sast-gitlab = modèle GitLab SAST inclus
security-sast-none = aucun outil d’analyse statique dans la CI
security-sast-found = l’analyse statique s’exécute dans la CI (la couverture de chaque modification relève des données de la forge et n’est pas vérifiée)
security-policy-none = aucun fichier SECURITY.md
security-policy-unreadable = politique de sécurité illisible
security-policy-found = politique de sécurité trouvée : { $contacts ->
    [one] { $contacts } contact
   *[other] { $contacts } contacts
}, { $mentions ->
    [one] { $mentions } mention
   *[other] { $mentions } mentions
} de vulnérabilités, de divulgation ou de délais
evidence-security-policy = politique de sécurité
security-no-tags = aucune étiquette
security-signed-count = { $count ->
    [one] étiquette récente signée : { $signed } sur { $count } (signature non vérifiée)
   *[other] étiquettes récentes signées : { $signed } sur { $count } (signatures non vérifiées)
}
evidence-tag-signed = étiquette { $tag } : signée
evidence-tag-unsigned = étiquette { $tag } : non signée
evidence-permissions-read = les permissions de niveau supérieur sont en lecture seule
evidence-permissions-write = les permissions de niveau supérieur accordent un accès en écriture
evidence-permissions-per-job = aucune permission de niveau supérieur, mais chaque tâche déclare les siennes
evidence-permissions-default = aucune permission déclarée : le jeton reçoit celles du dépôt par défaut (souvent l’écriture)
security-permissions-read = chaque workflow limite le jeton à la lecture au niveau supérieur
security-permissions-write = au moins un workflow laisse au jeton des permissions d’écriture
security-ci-none = aucune configuration de CI
security-ci-no-tests = la CI est configurée, mais aucune étape ne mentionne de tests
security-ci-tests = la CI est configurée et exécute des tests
evidence-ci-config = configuration de CI (Scorecard vérifie les résultats de la CI sur les demandes de fusion acceptées ; Commons vérifie la configuration)
security-vulnerabilities-no-database = aucun export OSV importé (commons osv import)
security-vulnerabilities-count = { $count ->
    [one] { $count } vulnérabilité connue dans les dépendances verrouillées
   *[other] { $count } vulnérabilités connues dans les dépendances verrouillées
}

## Fichiers qu’une vérification n’a pas pu utiliser

error-unreadable = { $file } : illisible
error-unreadable-or-binary = { $file } : illisible ou non textuel
error-policy-unreadable = { $file } : pas un fichier texte lisible (les liens ne sont pas suivis)
error-not-regular-file = { $file } : pas un fichier ordinaire (les liens symboliques ne sont pas suivis)
error-not-utf8 = { $file } : pas du texte UTF-8
error-too-many-lockfiles = plus de { $limit } fichiers de verrouillage ; les autres n’ont pas été lus
error-too-many-workflows = plus de { $limit } fichiers de workflow ; les autres n’ont pas été lus

## Fichiers qui n’ont pas pu être lus ou analysés : les termes propres à git et aux analyseurs
## restent tels quels, dans $detail

error-git-spawn = impossible d’exécuter git : { $detail }
error-not-a-repository = { $file } n’est pas un dépôt git : { $detail }
error-empty-repository = le dépôt n’a aucun commit sur HEAD
error-git-failed = la commande git { $command } a échoué : { $detail }
error-git-timeout = la commande git { $command } a dépassé { $seconds } s et a été interrompue
error-file-too-large = { $file } fait { $size } octets, au-delà des { $limit } octets lus au maximum par fichier
error-history-failed = échec de la lecture de l’historique : { $detail }
error-deadline-passed = l’évaluation a dépassé { $seconds } s et a été interrompue
error-read-budget-spent = { $file } : non lu ; l’évaluation a déjà lu { $limit } octets, sa limite
error-git-read = erreur de lecture depuis git : { $detail }
error-file-not-read = { $file } : non lu : { $detail }
error-tags-not-read = étiquettes non lues : { $detail }
error-syntax = { $file }:{ $line }:{ $column } : { $detail }
error-skipped-too-deep = { $file } : ignoré : imbrication de plus de { $limit } niveaux (ligne { $line })
error-skipped-too-many-nodes = { $file } : ignoré : les alias se développent en plus de { $limit } nœuds (ligne { $line })
error-skipped-too-large = { $file } : ignoré : les alias se développent en plus de { $limit } octets (ligne { $line })
error-invalid-json = { $file }:{ $line }:{ $column } : JSON non valide : { $detail }
error-invalid-toml = { $file } : TOML non valide : { $detail }
error-invalid-xml = { $file } : XML non valide à l’octet { $position } : { $detail }
error-xml-too-deep = { $file } : éléments imbriqués sur plus de { $limit } niveaux (octet { $position })
error-binary-lockfile = { $file } : contenu binaire, pas un fichier de verrouillage
error-binary-manifest = { $file } : contenu binaire, pas un manifeste
error-too-many-packages = { $file } : plus de { $limit } paquets ; le fichier de verrouillage n’a pas été utilisé

## Vitalité

evidence-history-walk = { $count ->
    [one] { $count } commit accessible depuis HEAD { $head } ; auteurs identifiés par adresse électronique après application de .mailmap
   *[other] { $count } commits accessibles depuis HEAD { $head } ; auteurs identifiés par adresse électronique après application de .mailmap
}
evidence-last-commit = commit le plus récent selon la date d’auteur
error-history-cut = { $count ->
    [one] historique coupé après { $count } commit (limite ou délai imparti)
   *[other] historique coupé après { $count } commits (limite ou délai imparti)
}

## Coût

evidence-cocomo-counting = { $files ->
    [one] { $files } fichier compté
   *[other] { $files } fichiers comptés
} sur HEAD { $head } ; { $excluded ->
    [one] { $excluded } exclu
   *[other] { $excluded } exclus
} (tiers, générés, fichiers de verrouillage) ; { $large ->
    [one] { $large } de plus de 1 Mio ignoré
   *[other] { $large } de plus de 1 Mio ignorés
}
error-too-many-source-files = plus de { $limit } fichiers source ; les autres n’ont pas été comptés

cost-method-basic-cocomo-organic = basic-cocomo-organic : effort = 2.4 * KSLOC^1.05 mois-personnes, durée = 2.5 * effort^0.38 mois, coût = effort * salaire/12 * frais généraux ; lignes de code comptées par tokei (sans lignes vides ni commentaires ; formats de texte, de données et de configuration, fichiers tiers et minifiés exclus)

## Principes et indicateurs : ce qui a été trouvé

evidence-file-present = fichier présent
evidence-documentation-directory = répertoire de documentation
evidence-publiccode-valid = publiccode.yml valide
evidence-no-proprietary-dependency = dependsOn.proprietary ne mentionne aucune dépendance obligatoire
evidence-osi-approved = la licence { $license } est approuvée par l’OSI
evidence-osi-approved-files = la licence de chaque fichier de licence est approuvée par l’OSI ({ $licenses })
evidence-no-known-vulnerabilities = { $packages ->
    [one] { $packages } paquet verrouillé, non affecté (données OSV du { $date })
   *[other] { $packages } paquets verrouillés, aucun affecté (données OSV du { $date })
}
evidence-security-score = score global inspiré de Scorecard : { $score }
evidence-active-maintainers = { $commits ->
    [one] { $commits } commit
   *[other] { $commits } commits
} par { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
} au cours des 365 derniers jours

## Le dépôt dans son ensemble

error-tree-truncated = l’arborescence de HEAD dépasse la limite de listage ; les fichiers suivants n’ont pas été vus
error-publiccode-not-regular = { $file } : pas un fichier ordinaire (les liens symboliques ne sont pas suivis)
error-publiccode-invalid = { $file }:{ $line }:{ $column } : { $problem } (lancez `commons validate` pour voir tous les problèmes)

## Définition de l’IA open source

evidence-ai-keyword = mentionne « { $word } »
evidence-ai-weights-bytes = { $bytes } octets de paramètres de modèle
evidence-model-card = fiche de modèle
error-model-card-binary = { $file } : fichier binaire, pas une fiche de modèle
evidence-weights-file = fichier de poids
evidence-weights-license-restrictive = la licence `{ $license }` de la fiche de modèle restreint l’utilisation
evidence-weights-license-approved = la licence `{ $license }` de la fiche de modèle est approuvée par l’OSI
evidence-weights-license-unknown = la licence `{ $license }` de la fiche de modèle n’est pas un identifiant SPDX approuvé par l’OSI
evidence-weights-repository-license = aucune licence dans la fiche de modèle ; la licence du dépôt, approuvée par l’OSI, est réputée couvrir les poids
evidence-training-code = code d’entraînement
evidence-data-card = fiche de données / fiche descriptive du jeu de données
evidence-model-card-training-data = la fiche de modèle décrit ses données d’entraînement

## Licence

evidence-license-text-match = le texte correspond à { $license } (indice de Dice { $score })
evidence-license-near-copy-scores = { $copy }, quasi-copie de { $license } sous un autre nom, obtient aussi { $copyScore } ; { $license } obtient { $score } et est retenue
evidence-license-variant = la licence { $license } est une quasi-copie de { $common } sous un autre nom, et ce texte correspond davantage à { $license } qu’à { $common }
evidence-license-statement = ce n’est pas un texte de licence ; il indique la licence du projet : { $expression }
evidence-license-combination = les fichiers de licence contiennent { $licenses }, et ni publiccode.yml, ni un manifeste, ni le README, ni les en-têtes des sources n’indiquent si elles s’appliquent ensemble (AND) ou au choix (OR)
evidence-project-declaration-states = { $field } : « { $written } » indique { $expression }
evidence-project-declaration-names-file = { $field } : « { $written } » désigne { $file } comme texte de la licence
evidence-project-declaration-problem = { $field } : « { $written } » n’est pas une expression SPDX : { $problem }
evidence-project-declaration-none = { $field } : « { $written } » n’est pas une expression SPDX
license-file-symlink = lien symbolique ; les liens ne sont pas suivis
license-file-not-regular = pas un fichier ordinaire
license-file-binary = fichier binaire, pas un texte de licence (l’octet à la position { $offset } n’est pas du texte)
license-file-not-recognised = texte non reconnu (licence la plus proche : { $candidate }, indice { $score }, inférieur au seuil de { $threshold })
license-file-no-match = texte non reconnu (aucune licence candidate n’atteint le seuil de { $threshold })
error-license-file-symlink = { $file } : lien symbolique ; les liens ne sont pas suivis
error-license-file-not-regular = { $file } : pas un fichier ordinaire
error-license-file-binary = { $file } : fichier binaire, pas un texte de licence (l’octet à la position { $offset } n’est pas du texte)
error-license-file-not-recognised = { $file } : texte non reconnu (licence la plus proche : { $candidate }, indice { $score }, inférieur au seuil de { $threshold })
error-license-file-no-match = { $file } : texte non reconnu (aucune licence candidate n’atteint le seuil de { $threshold })
license-mismatch-files-unmentioned = les fichiers de licence contiennent { $licenses }, que legal.license ({ $declared }) ne mentionne pas
license-mismatch-declared-invalid = legal.license ({ $declared }) n’est pas une expression SPDX valide
license-mismatch-no-file = legal.license est déclaré, mais aucun fichier de licence n’a été reconnu
license-mismatch-project-declaration = { $field } dans { $file } déclare { $expression }, qui ne correspond pas à legal.license ({ $declared })
license-mismatch-files-unmentioned-by-project = les fichiers de licence contiennent { $licenses }, que { $field } dans { $file } ({ $expression }) ne mentionne pas

## Ce que Commons recherche, par principe et par indicateur (sa règle)

rule-un-open-by-default = une licence approuvée par l’OSI et un publiccode.yml
rule-un-contribute-back = un guide CONTRIBUTING (les contributions en amont sont déclarées par l’éditeur)
rule-un-secure-by-design = une politique de sécurité, un outil de mise à jour des dépendances et aucune vulnérabilité connue dans les dépendances verrouillées
rule-un-inclusive-participation = un code de conduite et un guide CONTRIBUTING
rule-un-design-for-reusability = un publiccode.yml sans dépendance propriétaire obligatoire
rule-un-provide-documentation = un README suffisamment fourni, un répertoire docs/ ou un lien vers la documentation dans publiccode.yml
rule-un-rise = un fichier AUTHORS, CONTRIBUTORS, all-contributors ou CITATION
rule-un-sustain-and-scale = des commits d’au moins deux personnes au cours de la dernière année, et une maintenance déclarée dans publiccode.yml
rule-dpg-sdg-relevance = déclaré par l’éditeur : objectifs de développement durable (ODD) visés et manière dont le logiciel y contribue
rule-dpg-open-licensing = une licence approuvée par l’OSI
rule-dpg-clear-ownership = legal.mainCopyrightOwner ou legal.repoOwner dans publiccode.yml, ou des métadonnées REUSE
rule-dpg-platform-independence = aucune dépendance propriétaire obligatoire dans publiccode.yml (dependsOn.proprietary)
rule-dpg-documentation = un README suffisamment fourni, un répertoire docs/ ou un lien vers la documentation dans publiccode.yml
rule-dpg-data-extraction = déclaré par l’éditeur (import et export dans des formats non propriétaires), ou sans objet
rule-dpg-privacy-and-laws = attesté par une personne habilitée à parler au nom du projet
rule-dpg-standards-best-practices = des métadonnées publiccode.yml et un score de sécurité inspiré de Scorecard d’au moins 5
rule-dpg-do-no-harm = attesté par une personne habilitée à parler au nom du projet (vie privée, contenus, harcèlement)

## Vérifications Scorecard non calculées à partir d’un clone, et pourquoi

not-computed-Branch-Protection = les règles de protection des branches se trouvent dans les paramètres de la forge (API d’administration), pas dans git
not-computed-Code-Review = les revues et approbations des modifications fusionnées sont des données de la forge
not-computed-Contributors = nécessite l’organisation des auteurs, tirée de leurs profils sur la forge
not-computed-CII-Best-Practices = nécessite l’API du badge OpenSSF Best Practices (accès réseau)
not-computed-Webhooks = les paramètres des webhooks nécessitent un jeton d’administration de la forge
not-computed-Packaging = le Scorecard d’origine vérifie aussi que le workflow de publication s’est exécuté avec succès (API de la forge)
not-computed-SBOM = la moitié du score porte sur les fichiers joints aux versions publiées (API de la forge) ; pas encore calculé pour la moitié qui relève des sources
