# Interface web de Commons — français.

site-name = Commons, logiciels libres de l’ONU
site-tagline = Les logiciels que partagent le système des Nations Unies et les organismes publics
skip-to-content = Aller au contenu principal
language-switcher = Langue
main-navigation = Navigation principale
menu = Menu
nav-software = Logiciels
nav-organisations = Organisations
nav-validate = Valider votre publiccode.yml
nav-about = À propos
footer-text = Catalogue des logiciels libres publiés par les entités des Nations Unies et d’autres organismes publics au moyen d’un fichier publiccode.yml.
footer-api = API ouverte (JSON)

search-label = Rechercher dans le catalogue
search-placeholder = Nom, usage ou mot-clé, dans n’importe quelle langue
search-button = Rechercher

home-title = Trouver un logiciel à réutiliser
home-heading = Trouvez un logiciel libre à réutiliser
home-lead = Avant de développer, voyez ce que d’autres entités des Nations Unies et organismes publics ont déjà réalisé et partagent en logiciel libre.
home-stats-software = { $count ->
    [one] { $count } solution logicielle
   *[other] { $count } solutions logicielles
}
home-stats-organisations = { $count ->
    [one] publiée par { $count } organisation
   *[other] publiées par { $count } organisations
}
home-browse = Parcourir
home-recent = Mis à jour récemment
home-see-all = Voir tous les logiciels
home-publish-heading = Publiez votre logiciel
home-publish-text = Ajoutez un fichier publiccode.yml à votre dépôt et le catalogue le trouvera. Vérifiez-le d’abord avec le validateur.

results-title = Catalogue des logiciels
results-title-query = Résultats pour « { $query } »
results-count = { $count ->
    [0] Aucun résultat
    [one] { $count } résultat
   *[other] { $count } résultats
}
results-none = Aucun logiciel ne correspond à cette recherche. Essayez avec moins de mots ou retirez un filtre.
results-browse-all = Parcourir tous les logiciels
filters = Filtres
filters-active = Filtres actifs
filters-clear = Effacer tous les filtres
filter-remove = Retirer le filtre
filter-selected = Sélectionné
facet-more = { $count ->
    [one] Afficher { $count } de plus
   *[other] Afficher { $count } de plus
}
facet-organisation = Organisation
facet-category = Catégorie
facet-license = Licence
facet-developmentStatus = État de développement
facet-softwareType = Type de logiciel
facet-platform = Plateforme
facet-maintenanceType = Maintenance
facet-language = Langue
facet-country = Pays
facet-scope = Secteur
facet-licenseFamily = Famille de licence
facet-osiApproved = Licence approuvée par l’OSI
facet-vitality = Activité de maintenance (vitalité)
facet-securityScore = Score des pratiques de sécurité
facet-vulnerabilities = Vulnérabilités connues
facet-vulnerabilities-yes = Trouvées
facet-vulnerabilities-no = Aucune trouvée
sort-label = Trier par
sort-relevance = Pertinence
sort-name = Nom
sort-updated = Dernière mise à jour
sort-vitality = Activité de maintenance
sort-security = Pratiques de sécurité
signal-list = L’évaluation en bref
signal-not-assessed = Pas encore évalué
signal-security = Pratiques de sécurité : { $score } sur 10
signal-vitality = Activité de maintenance : { $band } sur 100
signal-last-commit = dernier commit le { $date }
signal-vulnerabilities-unknown = Vulnérabilités non vérifiées
signal-license-osi = Licence { $family } approuvée par l’OSI
signal-used-by = { $count ->
    [one] Utilisé par { $count } organisation
   *[other] Utilisé par { $count } organisations
}
sort-apply = Trier
pagination = Pages
page = Page
page-previous = Précédente
page-next = Suivante
updated = Mis à jour le
details = Détails

published-by = Publié par
logo-of = Logo de { $name }
repository-link = Code source
website-link = Site web
problem-heading = Le dernier publiccode.yml de ce projet contient des erreurs
description = Description
description-fallback = Cette description n’existe pas en français. Langue affichée : { $language }.
description-languages = Description dans d’autres langues
features = Fonctionnalités principales
screenshots = Captures d’écran
screenshot-n = Capture d’écran { $count }
videos-awards = Vidéos et distinctions
maintenance = Maintenance
maintenance-type = Maintenu par
contractors = Prestataires
contract-until = contrat jusqu’au
contacts = Contacts
dependencies = Dépendances
dependency-name = Nom
dependency-kind = Nature
dependency-versions = Versions
dependency-optional = Facultative
dependency-open = Libre
dependency-proprietary = Propriétaire
dependency-hardware = Matériel
warnings = Avertissements
warnings-text = Le publiccode.yml est valide ; ces remarques s’adressent à ses mainteneurs.
history = Historique des révisions
revision = Révision
revision-date = Date
revision-commit = Commit
revision-version = Version du standard
revision-status = État
revision-live = en ligne
revision-valid = Valide
revision-errors = { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
revision-warnings = { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
at-a-glance = En bref
repository = Dépôt
version = Version
version-newer-release = Le dépôt a une version plus récente : { $release }
release-date = Date de publication
license = Licence
copyright-owner = Titulaire des droits
repo-owner = Propriétaire du dépôt
development-status = État de développement
software-type = Type de logiciel
application-suite = Suite
categories = Catégories
platforms = Plateformes
intended-audience = Secteurs
countries = Pays
unsupported-countries = Non adapté à
available-languages = Disponible en
localisation-ready = Prêt pour la traduction
used-by = Utilisé par
funded-by = Financé par
supports = Prend en charge
based-on = Fondé sur
documentation = Documentation
api-documentation = Documentation de l’API
roadmap = Feuille de route
standard-version = Version de publiccode.yml
input-types = Formats lus
output-types = Formats produits
it-platforms = Plateformes nationales italiennes
it-ipa-code = Code iPA (Italie)
yes = Oui
no = Non
line = Ligne

organisations-title = Organisations
organisations-lead = Les entités des Nations Unies et les organismes publics qui publient des logiciels dans ce catalogue.
software-count = { $count ->
    [0] aucun logiciel
    [one] { $count } solution logicielle
   *[other] { $count } solutions logicielles
}
organisation-search = Rechercher et filtrer les logiciels de cette organisation

validate-title = Valider votre publiccode.yml
validate-lead = Vérifiez un fichier publiccode.yml au regard du standard avant de le publier. Rien de ce que vous envoyez n’est conservé.
validate-form = Votre fichier
validate-again = Vérifier une autre version
validate-paste = Collez le contenu de publiccode.yml
validate-paste-help = Texte YAML, 1 Mio au plus. Si vous choisissez aussi un fichier, c’est le fichier qui est vérifié.
validate-upload = Ou téléversez le fichier
validate-button = Valider
validate-valid = Le fichier est valide
validate-invalid = Le fichier n’est pas valide
validate-errors = { $count ->
    [0] aucune erreur
    [one] { $count } erreur
   *[other] { $count } erreurs
}
validate-warnings = { $count ->
    [0] aucun avertissement
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
validate-excerpts = Votre fichier, autour de chaque problème
validate-more = { $count ->
    [one] et { $count } autre problème, non affiché ici
   *[other] et { $count } autres problèmes, non affichés ici
}
validate-not-echoed = Votre fichier est trop volumineux pour être réaffiché dans ce formulaire : collez-le ou choisissez-le de nouveau pour vérifier une autre version.
error = Erreur
warning = Avertissement

about-title = À propos du catalogue
about-lead = Commons répertorie les logiciels libres publiés par les entités des Nations Unies et d’autres organismes publics, afin qu’une organisation qui cherche une solution puisse en réutiliser une plutôt que de payer pour la développer à nouveau.
about-how-heading = Fonctionnement
about-how-text = Les organisations décrivent leurs logiciels dans un fichier publiccode.yml, un standard ouvert, placé à la racine de leurs dépôts. Le catalogue trouve ces fichiers sur les plateformes d’hébergement de code, les vérifie au regard du standard et répertorie ceux qui sont valides, dans les six langues officielles de l’Organisation des Nations Unies.
about-publish-heading = Comment figurer au catalogue
about-publish-text = Rédigez un fichier publiccode.yml pour votre projet, vérifiez-le avec le validateur et publiez-le dans votre dépôt. Les descriptions peuvent être rédigées en plusieurs langues ; chaque lecteur voit celle qui est la plus proche de la sienne.
about-data-heading = Données ouvertes
about-data-text = Tout le contenu du catalogue est également accessible au moyen d’une API ouverte et documentée.

not-found-title = Page introuvable
not-found-text = Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le logiciel ne figure plus au catalogue.
bad-request-title = Cette demande n’a pas pu être comprise
bad-request-text = Une partie de l’adresse n’est pas valide. Lancez plutôt une nouvelle recherche.
forbidden-title = Le formulaire a expiré
forbidden-text = Pour votre sécurité, le formulaire doit être envoyé depuis la page de ce site. Ouvrez de nouveau la page et renvoyez-le.
server-error-title = Une erreur s’est produite
server-error-text = Le catalogue n’a pas pu répondre. Veuillez réessayer dans un instant.
busy-title = Le validateur est occupé
busy-text = Trop de fichiers sont en cours de vérification. Veuillez réessayer dans quelques secondes.
too-many-requests-title = Trop de requêtes
too-many-requests-text = Cette adresse a envoyé plus de requêtes que le catalogue n’en traite pour un seul visiteur. Patientez un instant, puis rechargez la page.
back-home = Retour à l’accueil

nav-status = État de l’exploration
status-title = État de l’exploration : pourquoi mon projet n’est-il pas répertorié ?
status-lead = Ce que le robot du catalogue a trouvé dans les dépôts de chaque éditeur lors de son dernier passage, et pourquoi un projet est répertorié ou non.
status-url-label = Adresse du dépôt
status-url-button = Vérifier
status-url-help = Saisissez l’adresse de votre dépôt (par exemple https://github.com/agence/projet) pour voir ses dernières explorations.
status-empty-heading = Aucune exploration n’a encore eu lieu
status-empty-text = Le catalogue répertorie un projet lorsque son robot trouve un fichier publiccode.yml valide à la racine de la branche par défaut du dépôt, dans un emplacement d’hébergement (groupe GitLab, organisation GitHub, organisation Gitea ou dépôt git) déclaré par un éditeur enregistré. Le robot visite régulièrement ces emplacements et note ici ce qu’il a trouvé pour chaque dépôt.
status-empty-step-file = Rédigez un fichier publiccode.yml qui décrit votre projet.
status-empty-step-validate = Vérifiez-le selon la norme avant de le publier :
status-empty-step-registry = Publiez-le à la racine de votre dépôt, dans un emplacement que votre organisation a enregistré auprès du catalogue.
status-empty-step-crawl = À la prochaine exploration, votre projet apparaît ici avec son résultat, puis dans le catalogue.
status-publishers = Éditeurs
status-publisher = Éditeur
status-repositories = Dépôts
status-last-outcomes = Dernier résultat de chaque dépôt
status-breadcrumb = Vous êtes ici
status-all-publishers = Tous les éditeurs
status-publisher-none = Le robot ne connaît encore aucun dépôt de cet éditeur.
status-repository-count = { $count ->
    [one] { $count } dépôt
   *[other] { $count } dépôts
}
status-outcome = Dernier résultat
status-detail = Détail
status-time = Exploré le (UTC)
status-entry = Fiche du catalogue
status-see-entry = Voir la fiche
status-not-listed = Non répertorié
status-what-to-do = Ce que vous pouvez faire :
status-hosting = Trouvé dans
status-aliases = Anciennes adresses
status-recent-crawls = Explorations récentes
status-unknown-heading = Le robot n’a jamais vu ce dépôt
status-unknown-text = Vérifiez l’adresse, puis que le dépôt se trouve dans un emplacement d’hébergement que votre organisation a enregistré auprès du catalogue. Un dépôt situé ailleurs n’est jamais visité.
status-guide-heading = Ce que signifie chaque résultat
outcome-none = Pas encore exploré
outcome-ok = Répertorié
outcome-ok-meaning = Un publiccode.yml valide a été lu : la fiche est répertoriée et à jour.
outcome-ok-action = Rien. Chaque modification de publiccode.yml que vous publiez est prise en compte à la prochaine exploration.
outcome-invalid = Fichier non valide
outcome-invalid-meaning = Le publiccode.yml a été trouvé mais ne respecte pas la norme. Si une version précédente était valide, elle reste répertoriée avec un avertissement ; sinon le projet n’est pas répertorié.
outcome-invalid-action = Corrigez les erreurs indiquées sur la page du dépôt (chacune donne la ligne et la colonne), vérifiez le fichier avec le validateur, puis publiez-le.
outcome-unreachable = Injoignable
outcome-unreachable-meaning = Le dépôt ou son hébergement n’a pas répondu à temps, a renvoyé une erreur de serveur ou a limité les requêtes du robot. La dernière version valide reste répertoriée.
outcome-unreachable-action = En général, rien : la prochaine exploration réessaie. Si cela dure, vérifiez que le dépôt est public et que le serveur est joignable depuis Internet.
outcome-too-large = Trop volumineux
outcome-too-large-meaning = Le publiccode.yml (limite 1 Mio) ou les données à télécharger dépassaient ce que le robot accepte.
outcome-too-large-action = Gardez publiccode.yml court : placez les textes longs et les images dans des fichiers séparés et indiquez leur chemin.
outcome-not-found = Pas de publiccode.yml
outcome-not-found-meaning = Aucun publiccode.yml (ni publiccode.yaml) n’a été trouvé à la racine de la branche par défaut, ou le dépôt est vide.
outcome-not-found-action = Ajoutez publiccode.yml à la racine de la branche par défaut. Si votre projet n’a pas vocation à être répertorié, il n’y a rien à faire.
outcome-skipped-unchanged = Inchangé
outcome-skipped-unchanged-meaning = Rien n’a changé dans le dépôt depuis la dernière exploration : rien n’a été téléchargé. Le résultat précédent reste valable.
outcome-skipped-unchanged-action = Rien. Publiez une modification et elle sera lue à la prochaine exploration.
outcome-refused = Refusé
outcome-refused-meaning = Le robot a refusé le contenu par sécurité : par exemple publiccode.yml est un lien symbolique ou un sous-module, le dépôt se trouve hors de l’hébergement déclaré par l’éditeur, ou une redirection menait vers un autre hôte.
outcome-refused-action = Lisez le détail : faites de publiccode.yml un fichier ordinaire du dépôt, ou demandez à votre organisation d’enregistrer l’emplacement où se trouve le dépôt.
outcome-gone = Disparu
outcome-gone-meaning = Le dépôt n’existe plus à l’endroit où l’éditeur l’héberge. Sa fiche et son historique sont conservés, marqués comme disparus.
outcome-gone-action = Si le dépôt a déménagé, sa nouvelle adresse sera trouvée à la prochaine exploration si elle se trouve dans un emplacement enregistré ; un renommage sur la même forge conserve la fiche.
status-standing = Le résultat qui reste valable, issu d’une exploration précédente :

assess-heading = Évaluation
assess-intro = Ce qu’une agence doit savoir avant de réutiliser ce logiciel, calculé automatiquement à partir de son dépôt. Chaque résultat montre ses preuves.
assess-when = Évalué le
assess-none = Ce logiciel n’a pas encore été évalué. Les évaluations sont calculées lorsque le catalogue lit son dépôt.
assess-unreadable = L’évaluation enregistrée de ce logiciel n’a pas pu être lue ; elle n’est donc pas affichée. Le serveur a consigné l’erreur pour ses opérateurs.
assess-evidence = Preuves
assess-rule = Règle :
assess-method = Méthode
assess-errors = Vérifications qui n’ont pas pu s’exécuter
assess-license-explain = La licence trouvée dans les fichiers du dépôt, comparée à celle déclarée dans publiccode.yml.
assess-declared = Déclarée dans publiccode.yml
assess-combination-unknown = Plusieurs licences, et le projet ne dit pas si elles s’appliquent ensemble ou au choix : voir les fichiers ci-dessous.
assess-detected = Détectée dans les fichiers
assess-agreement = Concordance
assess-agreement-agree = Elles concordent
assess-agreement-mismatch = Elles diffèrent
assess-agreement-unknown = Comparaison impossible
assess-osi = Open Source Initiative
assess-family = Famille
assess-license-guide = Guide des licences
assess-security = Pratiques de sécurité
assess-security-explain = Vérifications inspirées d’OpenSSF Scorecard, limitées à ce que montre le dépôt lui-même, notées chacune de 0 à 10 et pondérées selon le risque. Ce n’est pas le Scorecard officiel.
assess-check = Vérification
assess-score = Note
assess-weight = Poids dans le score
assess-reason = Pourquoi
assess-differs = Mesure quelque chose de plus restreint que la vérification Scorecard du même nom.
assess-inconclusive = Non concluant
assess-inconclusive-note = Un tiret signifie que la vérification ne s’applique pas ou n’a pas été concluante.
assess-not-computed = Vérifications Scorecard non calculées, et pourquoi
risk-critical = Critique
risk-high = Élevé
risk-medium = Moyen
risk-low = Faible
assess-vulnerabilities = Vulnérabilités connues
assess-vulnerabilities-explain = Les versions des dépendances figées dans les fichiers de verrouillage, comparées à la base de vulnérabilités OSV importée par l’exploitant du catalogue.
assess-vulnerabilities-count = { $count ->
    [0] Aucune vulnérabilité connue
    [one] { $count } vulnérabilité connue
   *[other] { $count } vulnérabilités connues
}
assess-packages = { $count ->
    [one] { $count } paquet vérifié
   *[other] { $count } paquets vérifiés
}
assess-packages-locked = { $count ->
    [one] { $count } paquet verrouillé trouvé
   *[other] { $count } paquets verrouillés trouvés
}
assess-not-evaluated = { $count ->
    [one] { $count } paquet n’a pas pu être évalué
   *[other] { $count } paquets n’ont pas pu être évalués
}
assess-osv-as-of = Données OSV du
assess-no-osv = Aucune donnée OSV importée : les vulnérabilités n’ont pas été vérifiées.
assess-advisory = Avis
assess-package = Paquet
assess-fixed-in = Corrigé dans
assess-summary = Résumé
assess-lockfiles = Fichiers de verrouillage lus
assess-vitality = Activité de maintenance
assess-vitality-explain = L’indice de vitalité de Developers Italia (de 0 à 100, sur les 60 derniers jours), calculé comme leur robot d’indexation le calcule pour que les chiffres soient comparables : tout dépôt obtient au moins 46 et chaque auteur depuis le premier commit compte, si bien qu’un projet abandonné peut encore bien noter. Lisez-le avec les indicateurs plus parlants à côté.
vitality-commits = Commits, 90 / 365 derniers jours
vitality-authors = Auteurs actifs, 90 / 365 derniers jours
vitality-releases = Versions publiées (dernière)
vitality-bus-factor = Facteur d’autobus (nombre minimal de personnes ayant fait la moitié des commits de l’année)
vitality-days-since = Jours depuis le dernier commit
vitality-commits-total = Commits au total
assess-principles = Principes des Nations Unies pour l’open source
assess-principles-explain = Chaque principe est satisfait (avec les preuves trouvées), déclaré par l’éditeur, manquant ou sans objet. Il n’y a pas de note unique.
assess-dpg = Norme des biens publics numériques
assess-dpg-explain = Les neuf indicateurs de la norme des biens publics numériques, chacun avec son statut et ses preuves. Certains ne peuvent être que déclarés par l’éditeur.
assess-ai = Définition de l’IA open source
assess-ai-explain = Ce projet semble être un système d’IA : ses paramètres, son code et les informations sur ses données d’entraînement sont-ils disponibles à des conditions ouvertes ?
assess-status-met = Satisfait
assess-status-declared = Déclaré
assess-status-missing = Manquant
assess-status-not-declared = Non déclaré
assess-status-not-applicable = Sans objet
assess-status-needs-review = À examiner
declared-by = Déclaré par { $by } ({ $role }) le { $at }.
declared-by-without-role = Déclaré par { $by } le { $at }.
indicator-un-open-by-default = Ouvert par défaut
indicator-un-contribute-back = Contribuer en retour
indicator-un-secure-by-design = Sécurisé dès la conception
indicator-un-inclusive-participation = Favoriser la participation inclusive et l’innovation
indicator-un-design-for-reusability = Concevoir pour la réutilisation
indicator-un-provide-documentation = Fournir une documentation
indicator-un-rise = RISE (reconnaître, inciter, soutenir et responsabiliser)
indicator-un-sustain-and-scale = Pérenniser et étendre
indicator-dpg-sdg-relevance = Pertinence pour les objectifs de développement durable
indicator-dpg-open-licensing = Utilisation de licences ouvertes approuvées
indicator-dpg-clear-ownership = Propriété clairement établie
indicator-dpg-platform-independence = Indépendance vis-à-vis des plateformes
indicator-dpg-documentation = Documentation
indicator-dpg-data-extraction = Moyen d’extraire les données et les contenus
indicator-dpg-privacy-and-laws = Respect de la vie privée et des lois applicables
indicator-dpg-standards-best-practices = Respect des normes et des bonnes pratiques
indicator-dpg-do-no-harm = Ne pas nuire, dès la conception
indicator-parameters = Paramètres (poids)
indicator-code = Code
indicator-data-information = Informations sur les données d’entraînement
assess-cost = Coût de reconstruction, valeur de la réutilisation
assess-cost-explain = Ce que coûterait la reconstruction de ce logiciel, estimé à partir de sa taille avec le modèle COCOMO de base, à côté du nombre d’organisations qui l’utilisent déjà.
cost-lines = Lignes de code
cost-no-code = Aucun code source n’a été compté dans ce dépôt (seulement des données, de la documentation ou de la configuration) : il n’y a pas de coût de reconstruction à afficher.
cost-effort = Effort (mois-personnes)
cost-schedule = Durée (mois)
cost-people = Taille moyenne de l’équipe
cost-used-by = Organisations utilisatrices
cost-dependents = Fiches du catalogue qui s’en servent
cost-languages = Langages
nav-licenses = Guide des licences
licenses-families = Familles de licences
licenses-common = Licences courantes
licenses-compatibility = Combiner des licences
licenses-obligations = Ce que vous devez faire
licenses-combine = Combinaison
licenses-contents = Sur cette page
licenses-compatibility-lead = Du code sous une licence peut-il être inclus dans une œuvre sous une autre ? Les cas les plus fréquents :
licenses-code-under = Code sous
licenses-included-in = Inclus dans une œuvre sous
licenses-answer = Réponse
licenses-note = Pourquoi
licenses-any-license = N’importe quelle licence, ouverte ou fermée
licenses-closed-software = Un logiciel fermé distribué

# Federation: provenance on the software page, exports on the about page.
listed-via = Référencé via
also-listed-in = Également référencé dans
listing-read = lu le
about-export-heading = Export et fédération
about-export-text = Les autres catalogues, portails de données et archives de recherche peuvent lire ce catalogue dans les formats qu’ils moissonnent déjà. Chaque format est public et ne demande aucun compte.
export-open-catalog = API Software Catalog
export-open-catalog-text = L’API que parlent Developers Italia, le catalogue suisse et le catalogue open source de l’UE : les autres catalogues y parcourent chaque fiche avec son publiccode.yml tel que publié. Ce catalogue lit aussi ses pairs par elle.
export-dcat = DCAT-AP 3 (Turtle)
export-dcat-text = Tout le catalogue en données liées pour les portails de données comme data.europa.eu : un enregistrement par fiche.
export-codemeta = CodeMeta (JSON-LD)
export-codemeta-text = Chaque fiche décrite avec le vocabulaire CodeMeta, pour les catalogues de recherche et les archives de logiciels.
export-dump = Export JSON complet
export-dump-text = Toutes les fiches publiées avec leur publiccode.yml brut, pour les miroirs hors ligne et l’analyse.
export-atom = Flux Atom
export-atom-text = Fiches nouvelles et modifiées, les plus récentes d’abord, pour tout le catalogue et pour chaque organisation.

# The assessment in brief, at the top of the software page.
summary-heading = Avant de le réutiliser
summary-footer = En bref, d’après la dernière évaluation automatique du dépôt.
summary-full = Évaluation complète et preuves
summary-median = { $count ->
    [one] médiane du catalogue { $median } ({ $count } projet évalué)
   *[other] médiane du catalogue { $median } ({ $count } projets évalués)
}
summary-out-of-10 = { $score } sur 10
summary-not-computed = Non calculé
summary-not-checked = Non vérifié
summary-database-of = base de vulnérabilités du { $date }
summary-license-osi = { $license }, approuvée par l’OSI
summary-last-commit-days = { $count ->
    [0] Dernier commit aujourd’hui
    [one] Dernier commit il y a { $count } jour
   *[other] Dernier commit il y a { $count } jours
}
summary-vitality-index = vitalité { $index } sur 100
verdict-license-permissive = Vous pouvez le réutiliser, le modifier et le redistribuer en conservant les mentions de droit d’auteur et de licence.
verdict-license-weak-copyleft = Vous pouvez l’intégrer à vos logiciels ; les modifications de ses propres fichiers doivent être partagées sous la même licence.
verdict-license-strong-copyleft = Vous pouvez le réutiliser et le modifier ; un logiciel distribué qui l’inclut doit être publié sous la même licence.
verdict-license-network-copyleft = Vous pouvez le réutiliser et le modifier ; si vous le proposez comme service en ligne, vous devez publier vos modifications.
verdict-license-unknown = La licence n’a pas pu être identifiée : interrogez l’éditeur avant de le réutiliser.
verdict-license-mismatch = Les fichiers de licence contredisent la licence déclarée dans publiccode.yml : demandez à l’éditeur laquelle s’applique.
verdict-license-combination = Plusieurs licences ont été trouvées et rien n’indique si elles s’appliquent toutes ou au choix : interrogez l’éditeur.
verdict-security-above = Des pratiques de sécurité meilleures que celles de la moitié des projets évalués du catalogue.
verdict-security-below = Des pratiques de sécurité moins bonnes que celles de la moitié des projets évalués du catalogue : voyez quels contrôles ont échoué.
verdict-security-at = Des pratiques de sécurité à la médiane du catalogue.
verdict-security-alone = Aucun autre projet évalué auquel le comparer pour l’instant.
verdict-security-none = Les contrôles n’ont pas pu être calculés à partir du dépôt.
verdict-vulnerabilities-no-database = Le catalogue ne disposait d’aucune base de vulnérabilités : les dépendances n’ont pas été vérifiées.
verdict-vulnerabilities-no-lockfile = Aucun fichier de verrouillage trouvé : les versions exactes des dépendances n’ont pas pu être vérifiées.
verdict-vulnerabilities-none = { $count ->
    [one] La { $count } dépendance verrouillée n’a aucune vulnérabilité connue.
   *[other] Aucune des { $count } dépendances verrouillées n’a de vulnérabilité connue.
}
verdict-vulnerabilities-found = Mettez à jour les dépendances concernées avant de le déployer ; les versions corrigées sont indiquées plus bas.
verdict-vitality-active = Activement maintenu : des modifications ces trois derniers mois.
verdict-vitality-slow = Au ralenti : aucune modification ces trois derniers mois, mais quelques-unes dans l’année.
verdict-vitality-dormant = Aucune modification depuis plus d’un an : prévoyez de le maintenir vous-même.
verdict-vitality-unknown = L’historique n’a pas pu être lu.

# The methodology page (/methodology).
method-title = Comment l’évaluation est faite
method-lead = Chaque projet du catalogue est évalué automatiquement à partir d’une copie de son dépôt, au commit lu par le robot d’indexation. Rien n’est noté à la main. Cette page dit ce que regarde chaque partie, ce qu’elle ne peut pas voir et comment contester un résultat.
method-contents = Sommaire
method-link = Comment c’est calculé
method-version = Version de la méthode des évaluations de ce serveur :
method-license = Licence
method-license-text = Les fichiers de licence à la racine du dépôt sont comparés mot à mot, après normalisation, aux textes de la liste de licences SPDX. Quand un texte est à une faible marge d’une licence courante, la licence courante est retenue et la quasi-copie est nommée. Quand il y a plusieurs fichiers de licence, la déclaration du projet lui-même dit comment ils se combinent (Cargo.toml, package.json, pyproject.toml ou setup.cfg, composer.json, un gemspec, pom.xml, ou une phrase du README ou de COPYING) ; sans elle, le catalogue dit que la combinaison est inconnue plutôt que de la deviner. Le résultat est comparé à la licence déclarée dans publiccode.yml. La famille (permissive, copyleft faible, fort ou réseau) est celle de l’expression effective : l’option la moins exigeante quand il y a un choix (OR), la plus exigeante quand toutes s’appliquent (AND).
method-security = Pratiques de sécurité
method-security-text = Des contrôles inspirés d’OpenSSF Scorecard, calculés à partir du seul dépôt : artefacts binaires, motifs de workflow dangereux, outil de mise à jour des dépendances, fuzzing, licence, maintenance, dépendances épinglées, analyse statique, politique de sécurité, versions signées, permissions des jetons, tests en intégration continue et vulnérabilités connues. Chaque contrôle est noté de 0 à 10 et compte avec le poids de son niveau de risque (critique 10, élevé 7,5, moyen 5, faible 2,5) ; le score est leur moyenne pondérée, sur 10. Un contrôle qui n’a pas pu conclure est exclu de la moyenne. Ce n’est pas le Scorecard officiel, et les contrôles qui en diffèrent sont signalés.
method-vulnerabilities = Vulnérabilités connues
method-vulnerabilities-text = Les versions exactes des dépendances inscrites dans les fichiers de verrouillage (Cargo.lock, package-lock.json, yarn.lock, poetry.lock, go.sum, composer.lock et d’autres) sont comparées à la base de vulnérabilités OSV que l’opérateur du catalogue importe. Un projet sans fichier de verrouillage, ou un catalogue sans cette base, est indiqué comme non vérifié, jamais comme sûr.
method-vitality = Activité de maintenance
method-vitality-text = L’historique de la branche par défaut donne les commits et les auteurs distincts des 90 et 365 derniers jours, les versions (étiquettes), le facteur d’autobus (le plus petit nombre d’auteurs ayant fait la moitié des commits de l’année) et la date du dernier commit. L’indice de vitalité, de 0 à 100, est calculé comme le robot de Developers Italia le calcule sur les 60 derniers jours, pour que ses chiffres soient comparables aux leurs ; il a un plancher, lisez-le donc avec les autres chiffres. Un projet sans modification depuis plus d’un an est indiqué comme en sommeil.
method-principles = Principes des Nations Unies pour l’open source et standard des biens publics numériques
method-principles-text = Chaque principe ou indicateur a une règle que des preuves dans le dépôt peuvent satisfaire (par exemple un guide CONTRIBUTING, une licence approuvée par l’OSI, une politique de sécurité). Certains ne peuvent être affirmés que par l’éditeur, comme la pertinence pour les objectifs de développement durable ou le respect des lois sur la vie privée : sans déclaration, ils sont indiqués comme non déclarés, ce qui n’équivaut pas à non satisfaits. Une déclaration indique qui l’a faite, à quel titre et quand, et ne remplace jamais une preuve.
method-cost = Coût de redéveloppement
method-cost-text = Les lignes de code sont comptées sans lignes vides, commentaires, ni fichiers tiers, générés ou minifiés, puis converties en effort, durée et coût avec le modèle COCOMO de base (mode organique), avec le salaire annuel et les frais généraux par défaut de l’outil scc. C’est un ordre de grandeur de ce que la réutilisation économise, pas un devis.
method-offline = Ce qu’elle ne peut pas voir
method-offline-text = L’évaluation ne lit que le dépôt à un commit, sans l’API de la forge et sans internet. Elle ne voit ni la protection des branches, ni les revues de code, ni les tickets et étoiles de la forge, ni l’appartenance à OSS-Fuzz ou les badges de bonnes pratiques, et seule la branche par défaut est lue. Les historiques longs sont coupés à une limite, ce que le rapport indique. Les résultats valent à la date d’évaluation affichée avec eux.
method-contest = Comment contester un résultat
method-contest-text = Chaque résultat montre ses preuves : la règle appliquée, le fichier et le commit. Si le dépôt était en cause, corrigez-le et le prochain passage évaluera le nouveau commit. Ce que seul l’éditeur peut affirmer se déclare avec un jeton d’éditeur, par les déclarations de l’API (PUT /api/v1/software/ID/declarations/ITEM), et s’affiche avec le nom de l’éditeur. Si c’est une règle qui est en cause, écrivez à l’opérateur du catalogue avec le lien vers le rapport (/api/v1/software/ID/assessment) et la version de méthode qu’il indique.

# Search by meaning and similar entries.
match-meaning = Trouvé par le sens, décrit en { $language }
match-meaning-other = Trouvé par le sens
similar-heading = Répond aussi à ce besoin
similar-intro = Fiches dont la description dit à peu près la même chose, dans n'importe quelle langue : celles d'autres organisations d'abord, les plus proches en premier. Consultez-les avant de développer ou d'acheter.
similar-score = similaire à { $percent } %
similar-same-organisation = même organisation
relation-based-on = cette fiche en est dérivée
relation-basis-of = dérivé de cette fiche
relation-depends-on = cette fiche en dépend
relation-dependency-of = dépend de cette fiche
duplicates-title = Doublons possibles
duplicates-lead = Logiciels d'organisations différentes dont les descriptions disent à peu près la même chose, dans n'importe quelle langue, similaires à { $percent } % ou plus. Avant d'en développer un de plus, parlez à ceux qui l'ont déjà fait.
duplicates-none = Aucun doublon possible à ce seuil.
duplicates-incomplete = Les fiches sont encore en cours de comparaison ; d'autres groupes peuvent apparaître.
duplicates-unavailable = La recherche par le sens n'est pas disponible sur ce serveur : les doublons ne peuvent pas être trouvés.
duplicates-group = Groupe { $number }
duplicates-reuse-heading = Réutilisation déclarée
duplicates-reuse-text = Ces logiciels se ressemblent parce que l'un s'appuie sur l'autre, comme le déclarent leurs fichiers publiccode.yml : c'est de la réutilisation, pas un doublon.

## Connexion, rôles et curation
sign-in = Se connecter
sign-out = Se déconnecter
signed-in-as = Connecté en tant que
sign-in-needed-title = Connectez-vous d’abord
sign-in-needed-text = Cette page est réservée aux personnes connectées au catalogue. Connectez-vous, puis renvoyez le formulaire.
not-allowed-title = Hors de votre rôle
not-allowed-text = Vos rôles dans ce catalogue ne vous permettent pas d’ouvrir cette page ni de faire cette action. Un administrateur peut vous donner le rôle nécessaire.
conflict-title = Déjà décidé
conflict-text = Quelqu’un a agi avant vous. Ouvrez de nouveau la page pour voir où en sont les choses.
account-title = Votre compte
account-roles = Vos rôles
account-no-roles = Vous n’avez encore aucun rôle. Demandez à publier les logiciels de votre organisation ; un curateur examinera la demande.
account-pages = Ce que vous pouvez faire
role-admin = Administrateur
role-curator = Curateur
role-member = Membre éditeur
role-by-configuration = donné par la configuration du serveur
roles-title = Rôles
roles-lead = Qui peut administrer le catalogue, examiner les demandes de publication ou parler au nom d’une organisation. Chaque changement est inscrit au journal d’audit.
roles-holders = Qui détient un rôle
roles-none = Personne ne détient encore de rôle donné dans le catalogue.
field-email = Adresse électronique
field-role = Rôle
field-organisation = Organisation
granted-by = Donné par
role-revoke = Retirer
scope-all = Toutes les organisations
role-grant = Donner un rôle
role-scope-help = Un curateur examine les demandes d’une organisation ou de toutes ; un membre éditeur parle au nom d’une organisation ; un administrateur l’est pour tout le catalogue.
role-grant-submit = Donner le rôle
publish-title = Publier les logiciels de votre organisation
publish-lead = Demandez que le groupe de forge de votre organisation soit catalogué. Un curateur vérifie que vous parlez en son nom ; une fois la demande acceptée, vous en devenez membre éditeur.
requests-mine = Vos demandes
publish-ask = Demander à publier
field-organisation-name = Nom de l’organisation
field-organisation-id = Identifiant de l’organisation
field-organisation-id-help = Lettres minuscules, chiffres et tirets, par exemple « unicef » ou « un-habitat ».
field-forge-url = Adresse du groupe ou de l’organisation sur la forge
field-evidence = Pourquoi vous parlez au nom de cette organisation
field-evidence-help = Votre fonction, une page qui vous nomme ou un collègue que les curateurs peuvent contacter. Les curateurs le lisent.
publish-submit = Envoyer la demande
requests-title = Demandes de publication
requests-lead = Les demandes en attente d’un curateur viennent en premier. Une décision exige un motif : le demandeur le lit.
requests-none = Aucune demande pour l’instant.
field-requester = Demandé par
field-status = État
field-reason = Motif
request-accept = Accepter
request-refuse = Refuser
request-pending = En attente d’un curateur
request-accepted = Acceptée
request-refused = Refusée
audit-title = Journal d’audit
audit-lead = Chaque changement fait au nom de quelqu’un, du plus récent au plus ancien, avec l’état qui en résulte. Le journal est chaîné par des empreintes : `commons audit verify` repère toute ligne modifiée ou supprimée.
audit-who = Qui
audit-what = Action
audit-filter = Filtrer
audit-none = Aucune entrée ne correspond.
audit-when = Quand
audit-target = Sur
audit-change = Changement
audit-older = Entrées plus anciennes
sign-in-failed-title = La connexion n’a pas abouti
sign-in-failed-text = Personne n’a été connecté. Recommencez depuis le lien de connexion ; si l’échec se répète, le détail ci-dessous aidera votre administrateur.
tokens-title = Jetons d’API
tokens-lead = Un jeton permet à vos systèmes de déclarer, par l’API, ce qu’une évaluation ne peut pas détecter dans les dépôts de votre organisation. Il expire ; révoquez-le dès qu’il ne sert plus. Chaque émission et révocation figure au journal d’audit.
tokens-list = Jetons
tokens-none = Aucun jeton pour l’instant.
token-label = Libellé
token-days = Valable pendant (jours)
token-days-help = { $count ->
    [one] Au plus { $count } jour.
   *[other] Au plus { $count } jours.
}
token-issue = Émettre un jeton
token-issue-submit = Émettre le jeton
token-issued-title = Votre nouveau jeton
token-issued-text = Copiez-le maintenant : il n’est affiché que cette fois, et le catalogue n’en garde que l’empreinte.
token-issued-use = Envoyez-le dans l’en-tête
token-revoke = Révoquer
token-never = jamais
field-issued = Émis
field-expires = Expire
field-revoked = Révoqué
field-uses = Utilisations
account-tokens-of = Jetons d’API de { $organisation }
entry-curation-title = Présentation
entry-curation-lead = Comment le catalogue montre cette fiche, quoi que dise son publiccode.yml : masquée de toutes les listes, mise en avant sur la page d’accueil, ou remplacée par une autre fiche. Les lecteurs voient le motif d’un remplacement ; chaque changement figure au journal d’audit.
entry-curation-now = Actuellement
entry-hidden = Masquée de toutes les listes
entry-featured = Mise en avant sur la page d’accueil
entry-superseded-by = Remplacée par
entry-superseded-help = L’identifiant de la fiche qui la remplace, tel qu’il figure dans son adresse (/software/…). Laissez vide sinon.
entry-hide = Masquer de toutes les listes
entry-feature = Mettre en avant sur la page d’accueil
entry-curation-submit = Enregistrer
entry-curate-link = Présentation
entry-superseded-notice = Les curateurs recommandent son successeur :
home-featured = Mis en avant par les curateurs

## Le registre des éditeurs
registry-title = Registre des éditeurs
registry-lead = Qui publie, et où le robot d’exploration regarde : les groupes, organisations ou dépôts de chaque éditeur, ou le catalogue pair qu’il représente. Chaque modification enregistre une nouvelle révision, consignée dans le journal d’audit.
registry-source-database = Le robot de ce serveur relit ce registre avant chaque passage et chaque webhook.
registry-source-file = Ce serveur explore le fichier de registre avec lequel il a été lancé : modifiez le fichier, puis redémarrez le serveur. Ici, le registre se consulte mais ne se modifie pas.
registry-source-none = Ce serveur n’explore pas. Un serveur de ce catalogue lancé avec --crawl explore ce registre.
registry-revision = Révision
registry-publishers = Éditeurs
registry-empty = Le registre est vide.
registry-add = Ajouter un éditeur
registry-export = Télécharger comme fichier de registre (YAML)
registry-import = Importer un fichier de registre
registry-import-label = Fichier de registre (YAML)
registry-import-help = Collez un fichier de registre complet : il remplace le registre s’il passe toutes les vérifications. Au-delà de 4 Mio, utilisez commons publishers import.
registry-import-submit = Importer
registry-import-problems = Le fichier n’a pas été importé. Problèmes, par ligne et colonne :
field-publisher-id = Identifiant
field-name = Nom
field-uri = Identifiant de l’organisation (URL ou URN)
field-hosting = Lieux d’hébergement
field-hosting-url = Adresse
field-hosting-kind = Type
field-hosting-api = Base de l’API
hosting-help = Un groupe GitLab, une organisation ou un utilisateur GitHub, une organisation Gitea ou Forgejo, ou un dépôt git simple. Ne donnez une base d’API que si ce n’est pas celle habituelle de la forge. Videz l’adresse d’une ligne pour la retirer.
field-peer-catalog = Ou l’adresse de l’API d’un catalogue pair
field-peer-catalog-help = Un catalogue qui parle la Software Catalog API, dont les entrées sont récupérées. Un éditeur a des lieux d’hébergement ou un catalogue pair, pas les deux.
field-state = État
publisher-active = Exploré
publisher-suspended = Suspendu
publisher-edit = Modifier
publisher-view = Consulter
publisher-edit-title = Éditeur
publisher-new-title = Nouvel éditeur
publisher-save = Enregistrer
publisher-problems = Non enregistré. À corriger :
publisher-suspend = Suspendre
publisher-suspend-help = Un éditeur suspendu n’est pas exploré et ses webhooks sont refusés. Ses entrées restent dans le catalogue et ses lieux d’hébergement lui restent réservés.
publisher-resume = Explorer à nouveau
request-registry-kind = Ajouter le groupe au registre comme
request-registry-none = Ne pas l’ajouter
kind-gitlab = Groupe GitLab
kind-github = Organisation ou utilisateur GitHub
kind-gitea = Organisation Gitea ou Forgejo
kind-git = Dépôt git simple
kind-catalog = Catalogue pair

## Les déclarations d’un membre
declarations-title = Déclarations
declarations-lead = Ce que votre organisation déclare sur ce logiciel là où aucun dépôt ne peut le montrer. Une déclaration prend effet aussitôt dans l’évaluation et est publique ; une nouvelle remplace l’actuelle, et chaque déclaration et retrait reste dans l’historique de l’entrée et le journal d’audit.
declarations-only-you = Seul l’éditeur peut les montrer
declarations-others = Les autres principes et indicateurs
declarations-others-help = L’évaluation les vérifie dans le dépôt ; une déclaration ajoute ce qu’elle ne peut pas voir.
declaration-none = Non déclaré
declaration-declared = Déclaré
declaration-not-applicable = Déclaré sans objet
declaration-by = Par
declaration-field-by = Qui déclare (le nom d’une personne)
declaration-field-role = Sa fonction ou son titre
declaration-field-statement = Déclaration
declaration-field-url = Lien vers le document justificatif
declaration-field-not-applicable = Cela ne s’applique pas à ce logiciel
declaration-help = Donnez une déclaration, un lien, ou cochez « ne s’applique pas ».
declaration-submit = Déclarer
declaration-withdraw = Retirer la déclaration

token-scope = Portée
token-scope-declarations = Déclarations seulement
token-scope-publishing = Déclarations et publication
token-scope-help = Un jeton de publication peut aussi demander au catalogue de relire l’un de vos dépôts (POST /api/v1/hooks/publisher), depuis une chaîne de publication par exemple.
publisher-too-many-hostings = Cet éditeur a plus de lieux d’hébergement que ce formulaire n’en contient : modifiez-le en important un fichier de registre.
