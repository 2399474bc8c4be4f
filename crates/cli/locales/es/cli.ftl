# Las palabras propias de la línea de órdenes — español.

## commons validate

validate-summary = { $files ->
    [one] { $files } archivo
   *[other] { $files } archivos
}: válidos: { $valid }, no válidos: { $invalid }; { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
}, { $warnings ->
    [one] { $warnings } advertencia
   *[other] { $warnings } advertencias
}
severity-error = error
severity-warning = advertencia
