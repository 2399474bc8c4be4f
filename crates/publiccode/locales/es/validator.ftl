# Los diagnósticos del validador (commons-publiccode), en español. El texto en inglés de cada
# diagnóstico, en su `message`, es la referencia: esta traducción debe decir lo mismo.
# Argumentos: $field es una clave del estándar (`license`, `categories[2]`); $value, $key, $code
# y $version son texto del archivo, tal como está escrito; los números son cantidades y tamaños.

## El archivo en su conjunto

validator-file-too-large = el archivo ocupa { $size } bytes, más de los { $max } bytes permitidos para un publiccode.yml
validator-invalid-utf8 = UTF-8 no válido: el byte de la posición { $offset } no es UTF-8 válido (guarde el archivo como UTF-8)
validator-nul-bytes = el archivo contiene bytes NUL: parece binario, no YAML
validator-empty-file = publiccodeYmlVersion es un campo obligatorio (el archivo está vacío)
validator-not-a-mapping = el documento debe ser un mapa de claves (publiccodeYmlVersion: ..., name: ...)
validator-stopped = la validación se detuvo antes de terminar
validator-more-problems-not-listed =
    y { $total ->
        [one] { $total } problema más
       *[other] { $total } problemas más
    } ({ $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } advertencia
       *[other] { $warnings } advertencias
    }) sin enumerar: solo se enumeran los { $listed } primeros; corrija estos y vuelva a validar

## Sintaxis YAML ($detail es la descripción del error que da el propio analizador YAML, en inglés)

validator-yaml-syntax = Error de sintaxis YAML: { $detail }
validator-yaml-multiple-documents = Error de sintaxis YAML: no se admiten varios documentos YAML en un mismo archivo
validator-yaml-too-deep = Error de sintaxis YAML: el anidamiento supera los { $max } niveles
validator-yaml-too-many-nodes = Error de sintaxis YAML: el documento tiene más de { $max } nodos (claves, valores y elementos de lista; un alias cuenta los nodos de su valor cada vez que se usa)
validator-yaml-aliases-too-large = Error de sintaxis YAML: los alias se expanden a más de { $max } bytes de texto (¿un alias repite un valor grande demasiadas veces?)
validator-yaml-unknown-anchor = Error de sintaxis YAML: un alias remite a un ancla desconocida
validator-yaml-key-not-scalar = Error de sintaxis YAML: la clave de un mapa debe ser un valor simple, no una lista ni un mapa
validator-yaml-duplicate-key = Error de sintaxis YAML: clave duplicada "{ $key }": cada clave solo puede aparecer una vez

## publiccodeYmlVersion

validator-version-missing = publiccodeYmlVersion es un campo obligatorio (escriba publiccodeYmlVersion: "0")
validator-version-not-text = tipo incorrecto para este campo: publiccodeYmlVersion debe ser texto; póngalo entre comillas (publiccodeYmlVersion: "0")
validator-version-unsupported = versión no admitida: '{ $version }'. Versiones admitidas: { $supported }
validator-version-not-latest = v{ $version } no es la última versión; use '0'. Este archivo se analiza como v{ $latest }.

## Tipos y claves (lo que necesita la clave y, después, lo que contiene el archivo)

validator-wrong-type = tipo incorrecto para este campo
validator-wrong-type-mapping-list = tipo incorrecto para este campo: se esperaba un mapa de claves, se encontró una lista
validator-wrong-type-mapping-text = tipo incorrecto para este campo: se esperaba un mapa de claves, se encontró texto
validator-wrong-type-mapping-boolean = tipo incorrecto para este campo: se esperaba un mapa de claves, se encontró un valor booleano
validator-wrong-type-mapping-number = tipo incorrecto para este campo: se esperaba un mapa de claves, se encontró un número
validator-wrong-type-text-list = tipo incorrecto para este campo: se esperaba texto, se encontró una lista
validator-wrong-type-text-mapping = tipo incorrecto para este campo: se esperaba texto, se encontró un mapa de claves
validator-wrong-type-boolean-text = tipo incorrecto para este campo: se esperaba true o false, se encontró texto (escriba true o false sin comillas; yes/no/on/off son texto en YAML 1.2)
validator-wrong-type-boolean-number = tipo incorrecto para este campo: se esperaba true o false, se encontró un número
validator-wrong-type-boolean-list = tipo incorrecto para este campo: se esperaba true o false, se encontró una lista
validator-wrong-type-boolean-mapping = tipo incorrecto para este campo: se esperaba true o false, se encontró un mapa de claves
validator-wrong-type-list-mapping = tipo incorrecto para este campo: se esperaba una lista, se encontró un mapa de claves
validator-wrong-type-list-text = tipo incorrecto para este campo: se esperaba una lista, se encontró texto
validator-wrong-type-list-boolean = tipo incorrecto para este campo: se esperaba una lista, se encontró un valor booleano
validator-wrong-type-list-number = tipo incorrecto para este campo: se esperaba una lista, se encontró un número
validator-unknown-field = campo desconocido "{ $field }": el estándar no tiene esa clave en este lugar (compruebe la ortografía y las mayúsculas y minúsculas)

## Valores (las reglas del estándar)

validator-required = { $field } es un campo obligatorio
# $choices son los valores admitidos salvo el último, entre comillas y separados por comas ("a", "b"); $last es el último ("c").
validator-one-of = { $field } debe ser uno de los valores siguientes: { $choices } o { $last }
validator-not-http-url = { $field } debe ser una URL HTTP (http:// o https:// con un nombre de host), no '{ $value }'
validator-not-a-date = { $field } debe ser una fecha con el formato 'YYYY-MM-DD', no '{ $value }'
validator-not-an-email = { $field } debe ser una dirección de correo electrónico válida
validator-too-long = { $field } debe tener como máximo { $max } caracteres (tiene { $length })
validator-too-short = { $field } debe tener al menos { $min } caracteres (tiene { $length })
validator-url-invalid = url debe ser una URL válida, no '{ $value }'
validator-not-a-url = { $field } debe ser una URL válida
validator-not-a-mime-type = { $field } no es un tipo MIME válido
validator-platforms-empty = platforms debe contener al menos un elemento (por ejemplo: web, linux, windows, mac, android, ios)
validator-unknown-category = { $field } debe ser una categoría válida, y '{ $value }' no lo es (véase https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)
validator-unknown-alias = id contiene un alias desconocido, '{ $value }' (véase https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)
validator-support-id-invalid = id debe ser un alias conocido ('alias:<name>') o un URI válido (URL o URN)
validator-organisation-uri-invalid = uri no es un URI válido: use la URL del sitio web de la organización o un URN
validator-organisation-uri-ipa = uri debe ser un código válido de la Administración Pública italiana (iPA) con el formato 'urn:x-italian-pa:[codiceIPA]' (véase https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-unknown-scope = { $field } debe ser un sector válido, y '{ $value }' no lo es (véase https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)
validator-not-a-country = { $field } debe ser un código de país de dos letras ISO 3166-1 alpha-2 válido, y '{ $value }' no lo es
validator-description-empty = description debe contener al menos un elemento: describa el software en al menos un idioma
validator-description-language = las claves de description deben ser códigos de idioma BCP 47 válidos, y '{ $value }' no lo es (escriba en, en-GB, fr, zh-Hans, ...)
validator-features-empty = features debe contener al menos un elemento: enumere las funciones principales del software
validator-video-not-http-url = { $field } debe ser una URL HTTP
validator-video-not-oembed = '{ $value }' no es una URL de vídeo válida compatible con oEmbed: indique la página de un vídeo en una plataforma como YouTube, Vimeo, Dailymotion o PeerTube
validator-license-invalid = license debe ser una licencia válida, y '{ $value }' no es una expresión SPDX (véanse los identificadores en https://spdx.org/licenses, combinados con AND, OR, WITH)
# $type es el tipo de mantenimiento, tal como se escribe en el estándar: community o internal.
validator-contacts-required = contacts es un campo obligatorio cuando "type" es "{ $type }"
validator-contractors-required = contractors es un campo obligatorio cuando "type" es "contract"
validator-contractors-not-allowed = contractors solo puede figurar si "type" es "contract"
validator-localisation-ready-required = localisationReady es un campo obligatorio (true o false)
validator-available-languages-empty = availableLanguages debe contener al menos un elemento
validator-not-a-language = { $field } debe ser un código de idioma BCP 47 válido, y '{ $value }' no lo es
# La clave (logo, screenshots, authorsFile) se muestra junto al mensaje.
validator-absolute-path = es una ruta absoluta. Solo se admiten rutas relativas o URL HTTP(s)
validator-file-url = es una URL file://. Solo se admiten rutas relativas o URL HTTP(s)
validator-codice-ipa-invalid = codiceIPA debe ser un código válido de la Administración Pública italiana (iPA) (véase https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-it-duplicate = La clave 'IT' ya está presente. Elimine esta clave

## Obsolescencias (advertencias)

validator-deprecated-drop = Esta clave está OBSOLETA y se suprimirá en el futuro. Puede eliminarla sin riesgo
# $key es la clave que debe usarse en su lugar (logo, organisation.name).
validator-deprecated-use = Esta clave está OBSOLETA y se suprimirá en el futuro. Use '{ $key }' en su lugar
validator-country-lowercase = Los códigos de país en minúsculas están OBSOLETOS. Use mayúsculas ('{ $code }')
validator-it-lowercase = Los códigos de país en minúsculas están OBSOLETOS y se suprimirán en el futuro. Use 'IT' en su lugar
validator-codice-ipa-deprecated = Esta clave está OBSOLETA y se suprimirá en el futuro. Use 'organisation.uri' con el valor 'urn:x-italian-pa:{ $code }' en su lugar
