# Las frases de un informe de evaluación (commons-assess). El inglés es el texto del propio método:
# el informe lo guarda junto a cada identificador de mensaje, así que mantenga ambos a la par cuando cambie una frase.
# Los argumentos entre acentos graves son órdenes, archivos o identificadores, y se muestran tal como están escritos.

## Comprobaciones de seguridad (basadas en OpenSSF Scorecard)

security-binary-none = no hay artefactos binarios en el árbol
security-binary-found = { $count ->
    [one] { $count } artefacto binario incluido en el repositorio
   *[other] { $count } artefactos binarios incluidos en el repositorio
}
security-binary-too-many = más de 20 000 archivos candidatos; el resto no se inspeccionó
evidence-binary-bytes = { $bytes } bytes, no es texto
security-no-workflows = no hay flujos de trabajo
security-dangerous-none = no hay patrones peligrosos en los flujos de trabajo
security-dangerous-found = { $count ->
    [one] { $count } patrón peligroso
   *[other] { $count } patrones peligrosos
}
evidence-script-injection = trabajo { $job }: `run` expande { $context }, que no es de confianza
evidence-untrusted-checkout = trabajo { $job }: un disparador privilegiado ({ $triggers }) extrae el código de la solicitud de incorporación de cambios ({ $reference })
security-update-tool-none = no hay configuración de Dependabot, Renovate, PyUp ni Scala Steward
security-update-tool-found = hay configurada una herramienta de actualización de dependencias
evidence-configuration-file = archivo de configuración
evidence-clusterfuzzlite = configuración de ClusterFuzzLite
evidence-fuzzer-signature = fuzzing en { $language }: `{ $signature }`
security-fuzzing-none = no se encontró fuzzing (la pertenencia a OSS-Fuzz no se comprueba sin conexión)
security-fuzzing-found = el fuzzing está configurado
evidence-license-file = archivo de licencia
security-license-none = no hay archivo de licencia
security-license-approved = archivo de licencia en la raíz, reconocido como licencia aprobada por la OSI/FSF
security-license-partial = se encontró un archivo de licencia, pero no está en la raíz o no se reconoce como licencia aprobada
security-history-not-read = historial no leído
security-maintained-young = primer commit hace menos de 90 días
security-maintained-commits = { $count ->
    [one] { $count } commit en los últimos 90 días (objetivo: uno por semana)
   *[other] { $count } commits en los últimos 90 días (objetivo: uno por semana)
}
evidence-commits-only = solo commits: el estado de archivado y la actividad de las incidencias son datos de la forja
evidence-unpinned-action = trabajo { $job }: la acción `{ $action }` no está fijada a un hash de commit completo
evidence-pipe-to-shell = trabajo { $job }: `{ $line }` canaliza una descarga hacia un shell
evidence-pip-without-hashes = trabajo { $job }: `{ $line }` instala sin --require-hashes
evidence-npm-install = trabajo { $job }: `{ $line }` (use `npm ci` para instalar desde el archivo de bloqueo)
evidence-go-install-unpinned = trabajo { $job }: `{ $line }` instala sin una versión fijada
evidence-unpinned-image = `FROM { $image }` no está fijada por su resumen (digest)
security-pinned-none = no hay dependencias en los flujos de trabajo ni en los Dockerfiles
security-pinned-count = { $pinned } de { $total } dependencias fijadas (ponderado: { $pinnedWeight }/{ $totalWeight })
evidence-sast-step = trabajo { $job }: { $step }
evidence-sast-gitlab = plantilla SAST de GitLab incluida
security-sast-none = no hay ninguna herramienta de análisis estático en la CI
security-sast-found = el análisis estático se ejecuta en la CI (la cobertura de cada cambio es un dato de la forja y no se comprueba)
security-policy-none = no hay SECURITY.md
security-policy-unreadable = política de seguridad ilegible
security-policy-found = política de seguridad encontrada: { $contacts ->
    [one] { $contacts } contacto
   *[other] { $contacts } contactos
}, { $mentions ->
    [one] { $mentions } mención
   *[other] { $mentions } menciones
} de vulnerabilidades/divulgación/plazos
evidence-security-policy = política de seguridad
security-no-tags = no hay etiquetas
security-signed-count = { $signed } de { $count ->
    [one] { $count } etiqueta (la última) lleva
   *[other] las últimas { $count } etiquetas llevan
} una firma (no verificada)
evidence-tag-signed = etiqueta { $tag }: firmada
evidence-tag-unsigned = etiqueta { $tag }: sin firmar
evidence-permissions-read = los permisos de nivel superior son de solo lectura
evidence-permissions-write = los permisos de nivel superior conceden acceso de escritura
evidence-permissions-per-job = no hay permisos de nivel superior, pero cada trabajo declara los suyos
evidence-permissions-default = no se declaran permisos: el token recibe los predeterminados del repositorio (a menudo, de escritura)
security-permissions-read = todos los flujos de trabajo limitan el token a lectura en el nivel superior
security-permissions-write = algún flujo de trabajo deja al token con permisos de escritura
security-ci-none = no hay configuración de CI
security-ci-no-tests = la CI está configurada, pero ningún paso menciona pruebas
security-ci-tests = la CI está configurada y ejecuta pruebas
evidence-ci-config = configuración de CI (Scorecard comprueba los resultados de la CI en las solicitudes de incorporación de cambios fusionadas; Commons comprueba la configuración)
security-vulnerabilities-no-database = no se ha importado ninguna exportación de OSV (commons osv import)
security-vulnerabilities-count = { $count ->
    [one] { $count } vulnerabilidad conocida en las dependencias bloqueadas
   *[other] { $count } vulnerabilidades conocidas en las dependencias bloqueadas
}

## Archivos que una comprobación no pudo usar

error-unreadable = { $file }: ilegible
error-unreadable-or-binary = { $file }: ilegible o no es texto
error-policy-unreadable = { $file }: no es un archivo de texto legible (no se siguen los enlaces)
error-not-regular-file = { $file }: no es un archivo normal (no se siguen los enlaces simbólicos)
error-not-utf8 = { $file }: no es texto UTF-8
error-too-many-lockfiles = más de { $limit } archivos de bloqueo; el resto no se leyó
error-too-many-workflows = más de { $limit } archivos de flujo de trabajo; el resto no se leyó

## Archivos que no se pudieron leer ni analizar: las palabras de git y de los analizadores se
## conservan tal como están escritas, en $detail

error-git-spawn = no se puede ejecutar git: { $detail }
error-not-a-repository = { $file } no es un repositorio git: { $detail }
error-empty-repository = el repositorio no tiene ningún commit en HEAD
error-git-failed = la orden git { $command } falló: { $detail }
error-git-timeout = la orden git { $command } tardó más de { $seconds } s y se detuvo
error-file-too-large = { $file } ocupa { $size } bytes, más que el máximo de { $limit } bytes que se lee de un archivo
error-history-failed = no se pudo leer el historial: { $detail }
error-deadline-passed = la evaluación tardó más de { $seconds } s y se detuvo
error-read-budget-spent = { $file }: no se leyó; la evaluación ya había leído { $limit } bytes, que es su límite
error-git-read = error al leer de git: { $detail }
error-file-not-read = { $file }: no se leyó: { $detail }
error-tags-not-read = no se leyeron las etiquetas: { $detail }
error-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-skipped-too-deep = { $file }: omitido: anidamiento de más de { $limit } niveles (línea { $line })
error-skipped-too-many-nodes = { $file }: omitido: los alias se expanden a más de { $limit } nodos (línea { $line })
error-skipped-too-large = { $file }: omitido: los alias se expanden a más de { $limit } bytes (línea { $line })
error-invalid-json = { $file }:{ $line }:{ $column }: JSON no válido: { $detail }
error-invalid-toml = { $file }: TOML no válido: { $detail }
error-invalid-xml = { $file }: XML no válido en el byte { $position }: { $detail }
error-xml-too-deep = { $file }: elementos anidados en más de { $limit } niveles (byte { $position })
error-binary-lockfile = { $file }: contenido binario, no es un archivo de bloqueo
error-binary-manifest = { $file }: contenido binario, no es un manifiesto
error-too-many-packages = { $file }: más de { $limit } paquetes; no se usó el archivo de bloqueo

## Vitalidad

evidence-history-walk = { $count ->
    [one] { $count } commit accesible desde HEAD { $head }; autores identificados por correo electrónico tras aplicar .mailmap
   *[other] { $count } commits accesibles desde HEAD { $head }; autores identificados por correo electrónico tras aplicar .mailmap
}
evidence-last-commit = commit más reciente según la fecha de autor
error-history-cut = { $count ->
    [one] historial cortado tras { $count } commit (límite o plazo máximo)
   *[other] historial cortado tras { $count } commits (límite o plazo máximo)
}

## Coste

evidence-cocomo-counting = { $files ->
    [one] { $files } archivo contado
   *[other] { $files } archivos contados
} en HEAD { $head }; { $excluded } excluidos (de terceros, generados, archivos de bloqueo); { $large } de más de 1 MiB omitidos
error-too-many-source-files = más de { $limit } archivos de código fuente; el resto no se contó

cost-method-basic-cocomo-organic = basic-cocomo-organic: esfuerzo = 2.4 * KSLOC^1.05 personas-mes, duración = 2.5 * esfuerzo^0.38 meses, coste = esfuerzo * salario/12 * gastos generales; líneas de código contadas con tokei (sin líneas en blanco ni comentarios; se excluyen los formatos de prosa, de datos y de configuración, y los archivos de terceros y minificados)

## Principios e indicadores: lo que se encontró

evidence-file-present = archivo presente
evidence-documentation-directory = directorio de documentación
evidence-publiccode-valid = publiccode.yml válido
evidence-no-proprietary-dependency = dependsOn.proprietary no enumera ninguna dependencia obligatoria
evidence-osi-approved = { $license } está aprobada por la OSI
evidence-osi-approved-files = la licencia de cada archivo de licencia está aprobada por la OSI ({ $licenses })
evidence-no-known-vulnerabilities = { $packages ->
    [one] { $packages } paquete bloqueado, no afectado (datos OSV del { $date })
   *[other] { $packages } paquetes bloqueados, ninguno afectado (datos OSV del { $date })
}
evidence-security-score = puntuación agregada al estilo de Scorecard: { $score }
evidence-active-maintainers = { $commits ->
    [one] { $commits } commit
   *[other] { $commits } commits
} de { $people ->
    [one] { $people } persona
   *[other] { $people } personas
} en los últimos 365 días

## El repositorio en su conjunto

error-tree-truncated = el árbol de HEAD supera el límite del listado; no se vieron los archivos posteriores
error-publiccode-not-regular = { $file }: no es un archivo normal (no se siguen los enlaces simbólicos)
error-publiccode-invalid = { $file }:{ $line }:{ $column }: { $problem } (ejecute `commons validate` para ver todos los problemas)

## Definición de IA de código abierto

evidence-ai-keyword = menciona «{ $word }»
evidence-ai-weights-bytes = { $bytes } bytes de parámetros del modelo
evidence-model-card = ficha del modelo
error-model-card-binary = { $file }: binario, no es una ficha del modelo
evidence-weights-file = archivo de pesos
evidence-weights-license-restrictive = la licencia `{ $license }` de la ficha del modelo restringe el uso
evidence-weights-license-approved = la licencia `{ $license }` de la ficha del modelo está aprobada por la OSI
evidence-weights-license-unknown = la licencia `{ $license }` de la ficha del modelo no es un identificador SPDX aprobado por la OSI
evidence-weights-repository-license = la ficha del modelo no indica licencia; se presupone que la licencia del repositorio, aprobada por la OSI, cubre los pesos
evidence-training-code = código de entrenamiento
evidence-data-card = ficha de datos / hoja de datos (datasheet)
evidence-model-card-training-data = la ficha del modelo describe sus datos de entrenamiento

## Licencia

evidence-license-text-match = el texto coincide con { $license } (Dice { $score })
evidence-license-near-copy-scores = { $copy }, una copia casi idéntica de { $license } con otro nombre, también obtiene { $copyScore }; { $license } obtiene { $score } y es la elegida
evidence-license-variant = { $license } es una copia casi idéntica de { $common } con otro nombre, y este texto coincide más con { $license } que con { $common }
evidence-license-statement = no es un texto de licencia; indica la licencia del proyecto: { $expression }
evidence-license-combination = los archivos de licencia contienen { $licenses }, y ni publiccode.yml, ni un manifiesto, ni un README ni los encabezados del código fuente indican si se aplican conjuntamente (AND) o a elección (OR)
evidence-project-declaration-states = { $field }: «{ $written }» indica { $expression }
evidence-project-declaration-names-file = { $field }: «{ $written }» designa { $file } como texto de la licencia
evidence-project-declaration-problem = { $field }: «{ $written }» no es una expresión SPDX: { $problem }
evidence-project-declaration-none = { $field }: «{ $written }» no es una expresión SPDX
license-file-symlink = es un enlace simbólico; no se siguen los enlaces
license-file-not-regular = no es un archivo normal
license-file-binary = es binario, no es un texto de licencia (el byte en la posición { $offset } no es texto)
license-file-not-recognised = texto no reconocido (mejor coincidencia: { $candidate }, con { $score }, por debajo del umbral de { $threshold })
license-file-no-match = texto no reconocido (ningún candidato alcanza el umbral de { $threshold })
error-license-file-symlink = { $file }: es un enlace simbólico; no se siguen los enlaces
error-license-file-not-regular = { $file }: no es un archivo normal
error-license-file-binary = { $file }: es binario, no es un texto de licencia (el byte en la posición { $offset } no es texto)
error-license-file-not-recognised = { $file }: texto no reconocido (mejor coincidencia: { $candidate }, con { $score }, por debajo del umbral de { $threshold })
error-license-file-no-match = { $file }: texto no reconocido (ningún candidato alcanza el umbral de { $threshold })
license-mismatch-files-unmentioned = los archivos de licencia contienen { $licenses }, que legal.license ({ $declared }) no menciona
license-mismatch-declared-invalid = legal.license ({ $declared }) no es una expresión SPDX válida
license-mismatch-no-file = se declara legal.license, pero no se reconoció ningún archivo de licencia
license-mismatch-project-declaration = { $field } de { $file } declara { $expression }, que no coincide con legal.license ({ $declared })
license-mismatch-files-unmentioned-by-project = los archivos de licencia contienen { $licenses }, que { $field } de { $file } ({ $expression }) no menciona

## Lo que Commons busca para cada principio e indicador (su regla)

rule-un-open-by-default = una licencia aprobada por la OSI y un publiccode.yml
rule-un-contribute-back = una guía CONTRIBUTING (las contribuciones a los proyectos de origen las declara el editor)
rule-un-secure-by-design = una política de seguridad, una herramienta de actualización de dependencias y ninguna vulnerabilidad conocida en las dependencias bloqueadas
rule-un-inclusive-participation = un código de conducta y una guía CONTRIBUTING
rule-un-design-for-reusability = un publiccode.yml sin dependencias propietarias obligatorias
rule-un-provide-documentation = un README con contenido suficiente, un directorio docs/ o un enlace a la documentación en publiccode.yml
rule-un-rise = un archivo AUTHORS, CONTRIBUTORS, all-contributors o CITATION
rule-un-sustain-and-scale = commits de dos o más personas en el último año y mantenimiento declarado en publiccode.yml
rule-dpg-sdg-relevance = lo declara el editor (los Objetivos de Desarrollo Sostenible, ODS, y cómo contribuye el software a ellos)
rule-dpg-open-licensing = una licencia aprobada por la OSI
rule-dpg-clear-ownership = legal.mainCopyrightOwner o legal.repoOwner en publiccode.yml, o metadatos REUSE
rule-dpg-platform-independence = ninguna dependencia propietaria obligatoria en publiccode.yml (dependsOn.proprietary)
rule-dpg-documentation = un README con contenido suficiente, un directorio docs/ o un enlace a la documentación en publiccode.yml
rule-dpg-data-extraction = lo declara el editor (importación y exportación en formatos no propietarios), o no se aplica
rule-dpg-privacy-and-laws = lo atestigua una persona autorizada para hablar en nombre del proyecto
rule-dpg-standards-best-practices = metadatos publiccode.yml y una puntuación de seguridad al estilo de Scorecard de 5 o más
rule-dpg-do-no-harm = lo atestigua una persona autorizada para hablar en nombre del proyecto (privacidad, contenidos, acoso)

## Comprobaciones de Scorecard no calculadas a partir de una copia del repositorio, y por qué

not-computed-Branch-Protection = las reglas de protección de ramas están en la configuración de la forja (API de administración), no en git
not-computed-Code-Review = las revisiones y aprobaciones de los cambios fusionados son datos de la forja
not-computed-Contributors = requiere la organización de los autores, que figura en sus perfiles de la forja
not-computed-CII-Best-Practices = requiere la API de la insignia OpenSSF Best Practices (acceso a la red)
not-computed-Webhooks = la configuración de los webhooks requiere un token de administración de la forja
not-computed-Packaging = la comprobación original también verifica que el flujo de trabajo de publicación se ejecutó correctamente (API de la forja)
not-computed-SBOM = la mitad de la puntuación corresponde a los archivos adjuntos a las versiones publicadas (API de la forja); la mitad relativa al código fuente aún no se calcula
