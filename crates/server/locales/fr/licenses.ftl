# Le guide des licences, en français (traduction de locales/en/licenses.ftl).

guide-title = Choisir et réutiliser des licences open source
guide-intro = Toute licence open source vous permet d’utiliser, d’étudier, de modifier et de partager le logiciel. Elles diffèrent par ce qu’elles vous demandent lorsque vous le partagez, et par les autres licences avec lesquelles elles peuvent être combinées. Ce guide explique les licences les plus fréquentes dans le catalogue.
guide-disclaimer = Ceci est une aide à la décision de réutilisation, pas un avis juridique. Demandez à votre service juridique un avis définitif.

## Families

family-permissive = Permissive
family-permissive-explain = Vous pouvez utiliser, modifier et redistribuer le logiciel, y compris au sein d’un logiciel fermé, à condition de conserver les mentions de droit d’auteur et de licence. La plus facile à réutiliser et à combiner.
family-weak-copyleft = Copyleft faible
family-weak-copyleft-explain = Les modifications des fichiers (ou de la bibliothèque) sous licence doivent être partagées sous la même licence lorsque vous les distribuez ; votre propre code qui se contente de l’utiliser ou de s’y lier peut garder sa licence.
family-strong-copyleft = Copyleft fort
family-strong-copyleft-explain = Si vous distribuez le logiciel ou une œuvre qui en dérive, l’ensemble doit être publié sous la même licence, avec son code source. Un usage interne sans distribution ne crée aucune obligation.
family-network-copyleft = Copyleft réseau
family-network-copyleft-explain = Comme le copyleft fort ; de plus, proposer le logiciel à des utilisateurs via un réseau (un service web) compte comme une distribution : vous devez leur proposer le code source de votre version.
family-unknown = Inconnue
family-unknown-explain = Commons n’a pas pu classer cette licence. Consultez votre service juridique avant toute réutilisation.

## Common licenses

license-MIT-summary = MIT : courte et permissive.
license-MIT-obligations = Conservez la mention de droit d’auteur et le texte de la licence dans les copies.
license-MIT-combine = Peut être combinée avec du code sous n’importe quelle licence, ouverte ou fermée.

license-Apache-2_0-summary = Apache 2.0 : permissive, avec une concession de brevets explicite.
license-Apache-2_0-obligations = Conservez les mentions et le fichier NOTICE ; indiquez les fichiers que vous avez modifiés. Les contributeurs accordent une licence de brevets, qui prend fin pour quiconque engage une action en matière de brevets portant sur le logiciel.
license-Apache-2_0-combine = Peut être combinée avec la plupart des licences, dont la GPL-3.0 (mais pas la GPL-2.0-only).

license-BSD-3-Clause-summary = BSD 3-Clause : permissive.
license-BSD-3-Clause-obligations = Conservez la mention de droit d’auteur et l’exclusion de garantie ; n’utilisez pas le nom des auteurs pour promouvoir votre produit.
license-BSD-3-Clause-combine = Peut être combinée avec du code sous n’importe quelle licence.

license-BSD-2-Clause-summary = BSD 2-Clause : permissive.
license-BSD-2-Clause-obligations = Conservez la mention de droit d’auteur et l’exclusion de garantie.
license-BSD-2-Clause-combine = Peut être combinée avec du code sous n’importe quelle licence.

license-ISC-summary = ISC : permissive, équivalente à MIT en pratique.
license-ISC-obligations = Conservez la mention de droit d’auteur et la mention d’autorisation.
license-ISC-combine = Peut être combinée avec du code sous n’importe quelle licence.

license-MPL-2_0-summary = Mozilla Public License 2.0 : copyleft faible, fichier par fichier.
license-MPL-2_0-obligations = Lorsque vous distribuez, partagez sous MPL le source des fichiers MPL que vous avez modifiés. Vos propres fichiers peuvent garder n’importe quelle licence.
license-MPL-2_0-combine = Peut être combinée avec du code fermé et, par défaut, avec du code GPL et LGPL.

license-LGPL-2_1-only-summary = GNU LGPL 2.1 : copyleft faible pour les bibliothèques.
license-LGPL-2_1-only-obligations = Partagez sous LGPL les modifications de la bibliothèque ; permettez aux utilisateurs de remplacer la bibliothèque dans votre produit (par exemple par une liaison dynamique).
license-LGPL-2_1-only-combine = Peut être utilisée par des applications fermées ; les modifications de la bibliothèque restent sous LGPL.

license-LGPL-3_0-only-summary = GNU LGPL 3.0 : copyleft faible pour les bibliothèques.
license-LGPL-3_0-only-obligations = Comme la LGPL 2.1, avec en plus les informations d’installation pour les appareils grand public.
license-LGPL-3_0-only-combine = Peut être utilisée par des applications fermées ; les modifications de la bibliothèque restent sous LGPL.

license-EPL-2_0-summary = Eclipse Public License 2.0 : copyleft faible, module par module.
license-EPL-2_0-obligations = Partagez le source des modules EPL modifiés lorsque vous les distribuez.
license-EPL-2_0-combine = Peut être combinée avec d’autre code placé dans des modules séparés ; compatible avec la GPL seulement si la licence secondaire est indiquée.

license-GPL-2_0-only-summary = GNU GPL 2.0 : copyleft fort.
license-GPL-2_0-only-obligations = Distribuez l’œuvre entière sous GPL 2.0 avec son code source.
license-GPL-2_0-only-combine = Incompatible avec du code Apache 2.0 ou GPL 3.0 (sauf mention « ou ultérieure »).

license-GPL-3_0-only-summary = GNU GPL 3.0 : copyleft fort.
license-GPL-3_0-only-obligations = Distribuez l’œuvre entière sous GPL 3.0 avec son code source et les informations d’installation ; concession de brevets incluse.
license-GPL-3_0-only-combine = Peut inclure du code Apache 2.0, MIT, BSD, LGPL et MPL ; le résultat est sous GPL 3.0.

license-AGPL-3_0-only-summary = GNU Affero GPL 3.0 : copyleft réseau.
license-AGPL-3_0-only-obligations = Comme la GPL 3.0 ; de plus, si des utilisateurs interagissent avec une version modifiée via un réseau, proposez-leur son code source.
license-AGPL-3_0-only-combine = Peut inclure du code GPL 3.0 et du code permissif ; le résultat est sous AGPL 3.0.

license-EUPL-1_2-summary = Licence publique de l’Union européenne 1.2 : copyleft, rédigée pour les administrations publiques, officielle dans toutes les langues de l’UE.
license-EUPL-1_2-obligations = Partagez sous EUPL le source de l’œuvre et de vos modifications lorsque vous la distribuez ou la proposez via un réseau.
license-EUPL-1_2-combine = Sa clause de compatibilité permet de la combiner avec du code sous GPL, LGPL, AGPL, MPL, EPL et d’autres licences énumérées, sous cette autre licence.

license-Unlicense-summary = The Unlicense : versement au domaine public.
license-Unlicense-obligations = Aucune.
license-Unlicense-combine = Peut être combinée avec du code sous n’importe quelle licence.

license-CC0-1_0-summary = CC0 1.0 : versement au domaine public, souvent utilisé pour les données et la documentation.
license-CC0-1_0-obligations = Aucune (les droits de brevet ne sont pas concédés : préférez une autre licence pour du code).
license-CC0-1_0-combine = Peut être combinée avec tout.

## Compatibility

compat-yes = Oui
compat-no = Non
compat-depends = Cela dépend (lisez les notes)
compat-permissive-any = Le code sous licence permissive peut être inclus dans des œuvres sous n’importe quelle licence.
compat-weak-closed = Le code sous copyleft faible peut être utilisé par un logiciel fermé si ses propres fichiers restent sous leur licence.
compat-strong-closed = Le code sous copyleft fort ne peut pas être inclus dans un logiciel fermé qui est distribué.
compat-gpl2-gpl3 = Du code GPL-2.0-only et du code GPL-3.0 ne peuvent pas être combinés ; « GPL-2.0-or-later » peut devenir GPL-3.0.
compat-apache-gpl2 = Le code Apache 2.0 ne peut pas être inclus dans des œuvres GPL-2.0-only (clauses de brevets) ; il peut l’être dans des œuvres GPL-3.0.
compat-agpl-service = Si vous exploitez un logiciel AGPL comme service public, publiez vos modifications.
compat-eupl = Une fois combinées, les œuvres EUPL peuvent passer sous une licence compatible énumérée dans son annexe.

## Assessment statuses

license-mismatch = La licence déclarée dans publiccode.yml et les fichiers de licence ne concordent pas.
license-not-recognised = Le texte de la licence n’a pas été reconnu avec une confiance suffisante ; une personne doit le lire.
license-osi-approved = Approuvée par l’Open Source Initiative.
license-not-osi-approved = Non approuvée par l’Open Source Initiative.
