# The command line's own words — English (the reference; every other file has the same
# messages with the same variables).

## commons validate

validate-summary = { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $valid } valid, { $invalid } invalid; { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
severity-error = error
severity-warning = warning
