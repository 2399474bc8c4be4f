# Les mots propres de la ligne de commande — français.

## commons validate

validate-summary = { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} : valides : { $valid }, non valides : { $invalid } ; { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}
severity-error = erreur
severity-warning = avertissement
