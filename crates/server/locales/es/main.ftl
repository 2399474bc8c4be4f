# Interfaz web de Commons — español.

site-name = Commons, software libre de la ONU
site-tagline = El software que comparten el sistema de las Naciones Unidas y los organismos públicos
skip-to-content = Ir al contenido principal
language-switcher = Idioma
main-navigation = Navegación principal
menu = Menú
nav-software = Software
nav-organisations = Organizaciones
nav-validate = Validar su publiccode.yml
nav-about = Acerca de
footer-text = Catálogo del software libre publicado por entidades de las Naciones Unidas y otros organismos públicos mediante un archivo publiccode.yml.
footer-api = API abierta (JSON)

search-label = Buscar en el catálogo
search-placeholder = Nombre, finalidad o palabra clave, en cualquier idioma
search-button = Buscar

home-title = Encontrar software para reutilizar
home-heading = Encuentre software libre para reutilizar
home-lead = Antes de desarrollar, vea lo que otras entidades de las Naciones Unidas y organismos públicos ya han creado y comparten como software libre.
home-stats-software = { $count ->
    [one] { $count } solución de software
   *[other] { $count } soluciones de software
}
home-stats-organisations = { $count ->
    [one] de { $count } organización
   *[other] de { $count } organizaciones
}
home-browse = Explorar
home-recent = Actualizados recientemente
home-see-all = Ver todo el software
home-publish-heading = Publique su software
home-publish-text = Añada un archivo publiccode.yml a su repositorio y el catálogo lo encontrará. Compruébelo antes con el validador.

results-title = Catálogo de software
results-title-query = Resultados para «{ $query }»
results-count = { $count ->
    [0] Ningún resultado
    [one] { $count } resultado
   *[other] { $count } resultados
}
results-none = Ningún software coincide con esta búsqueda. Pruebe con menos palabras o quite un filtro.
results-browse-all = Explorar todo el software
filters = Filtros
filters-active = Filtros activos
filters-clear = Quitar todos los filtros
filter-remove = Quitar el filtro
filter-selected = Seleccionado
facet-more = { $count ->
    [one] Mostrar { $count } más
   *[other] Mostrar { $count } más
}
facet-organisation = Organización
facet-category = Categoría
facet-license = Licencia
facet-developmentStatus = Estado de desarrollo
facet-softwareType = Tipo de software
facet-platform = Plataforma
facet-maintenanceType = Mantenimiento
facet-language = Idioma
facet-country = País
facet-scope = Sector
facet-licenseFamily = Familia de licencia
facet-osiApproved = Licencia aprobada por la OSI
facet-vitality = Actividad de mantenimiento (vitalidad)
facet-securityScore = Puntuación de prácticas de seguridad
facet-vulnerabilities = Vulnerabilidades conocidas
facet-vulnerabilities-yes = Encontradas
facet-vulnerabilities-no = Ninguna encontrada
sort-label = Ordenar por
sort-relevance = Pertinencia
sort-name = Nombre
sort-updated = Última actualización
sort-vitality = Actividad de mantenimiento
sort-security = Prácticas de seguridad
signal-list = La evaluación en breve
signal-not-assessed = Aún sin evaluar
signal-security = Prácticas de seguridad: { $score } de 10
signal-vitality = Actividad de mantenimiento: { $band } de 100
signal-last-commit = último commit el { $date }
signal-vulnerabilities-unknown = Vulnerabilidades sin comprobar
signal-license-osi = Licencia { $family } aprobada por la OSI
signal-used-by = { $count ->
    [one] Usado por { $count } organización
   *[other] Usado por { $count } organizaciones
}
sort-apply = Ordenar
pagination = Páginas
page = Página
page-previous = Anterior
page-next = Siguiente
updated = Actualizado el
details = Detalles

published-by = Publicado por
logo-of = Logotipo de { $name }
repository-link = Código fuente
website-link = Sitio web
problem-heading = El último publiccode.yml de este proyecto contiene errores
description = Descripción
description-fallback = Esta descripción no está disponible en español. Idioma mostrado: { $language }.
description-languages = Descripción en otros idiomas
features = Funciones principales
screenshots = Capturas de pantalla
screenshot-n = Captura de pantalla { $count }
videos-awards = Vídeos y premios
maintenance = Mantenimiento
maintenance-type = Mantenido por
contractors = Contratistas
contract-until = contrato hasta el
contacts = Contactos
dependencies = Dependencias
dependency-name = Nombre
dependency-kind = Tipo
dependency-versions = Versiones
dependency-optional = Opcional
dependency-open = Libre
dependency-proprietary = Propietaria
dependency-hardware = Hardware
warnings = Advertencias
warnings-text = El publiccode.yml es válido; estas observaciones van dirigidas a sus responsables.
history = Historial de revisiones
revision = Revisión
revision-date = Fecha
revision-commit = Commit
revision-version = Versión del estándar
revision-status = Estado
revision-live = vigente
revision-valid = Válida
revision-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errores
}
revision-warnings = { $count ->
    [one] { $count } advertencia
   *[other] { $count } advertencias
}
at-a-glance = De un vistazo
repository = Repositorio
version = Versión
version-newer-release = El repositorio tiene una versión más reciente: { $release }
release-date = Fecha de publicación
license = Licencia
copyright-owner = Titular de los derechos
repo-owner = Propietario del repositorio
development-status = Estado de desarrollo
software-type = Tipo de software
application-suite = Suite
categories = Categorías
platforms = Plataformas
intended-audience = Sectores
countries = Países
unsupported-countries = No adecuado para
available-languages = Disponible en
localisation-ready = Preparado para la traducción
used-by = Utilizado por
funded-by = Financiado por
supports = Compatible con
based-on = Basado en
documentation = Documentación
api-documentation = Documentación de la API
roadmap = Hoja de ruta
standard-version = Versión de publiccode.yml
input-types = Formatos de entrada
output-types = Formatos de salida
it-platforms = Plataformas nacionales italianas
it-ipa-code = Código iPA (Italia)
yes = Sí
no = No
line = Línea

organisations-title = Organizaciones
organisations-lead = Las entidades de las Naciones Unidas y los organismos públicos que publican software en este catálogo.
software-count = { $count ->
    [0] ningún software
    [one] { $count } solución de software
   *[other] { $count } soluciones de software
}
organisation-search = Buscar y filtrar el software de esta organización

validate-title = Validar su publiccode.yml
validate-lead = Compruebe un archivo publiccode.yml con arreglo al estándar antes de publicarlo. No se guarda nada de lo que envíe.
validate-form = Su archivo
validate-again = Comprobar otra versión
validate-paste = Pegue el contenido de publiccode.yml
validate-paste-help = Texto YAML, 1 MiB como máximo. Si también elige un archivo, se comprueba el archivo.
validate-upload = O cargue el archivo
validate-button = Validar
validate-valid = El archivo es válido
validate-invalid = El archivo no es válido
validate-errors = { $count ->
    [0] ningún error
    [one] { $count } error
   *[other] { $count } errores
}
validate-warnings = { $count ->
    [0] ninguna advertencia
    [one] { $count } advertencia
   *[other] { $count } advertencias
}
validate-excerpts = Su archivo, en torno a cada problema
validate-more = { $count ->
    [one] y { $count } problema más, que no se muestra aquí
   *[other] y { $count } problemas más, que no se muestran aquí
}
validate-not-echoed = Su archivo es demasiado grande para volver a mostrarlo en este formulario: péguelo o selecciónelo de nuevo para comprobar otra versión.
error = Error
warning = Advertencia

about-title = Acerca del catálogo
about-lead = Commons reúne el software libre publicado por entidades de las Naciones Unidas y otros organismos públicos, para que una organización que busca una solución pueda reutilizar una en lugar de pagar para desarrollarla de nuevo.
about-how-heading = Cómo funciona
about-how-text = Las organizaciones describen su software en un archivo publiccode.yml, un estándar abierto, situado en la raíz de sus repositorios. El catálogo encuentra estos archivos en las plataformas de alojamiento de código, los comprueba con arreglo al estándar y recoge los válidos, en los seis idiomas oficiales de las Naciones Unidas.
about-publish-heading = Cómo figurar en el catálogo
about-publish-text = Redacte un archivo publiccode.yml para su proyecto, compruébelo con el validador y publíquelo en su repositorio. Las descripciones pueden redactarse en varios idiomas; cada lector ve la más cercana al suyo.
about-data-heading = Datos abiertos
about-data-text = Todo el contenido del catálogo está también disponible mediante una API abierta y documentada.

not-found-title = Página no encontrada
not-found-text = No hay nada en esta dirección. Puede que la página se haya trasladado o que el software ya no figure en el catálogo.
bad-request-title = No se ha podido entender esta solicitud
bad-request-text = Una parte de la dirección no es válida. Inicie una nueva búsqueda.
forbidden-title = El formulario ha caducado
forbidden-text = Por su seguridad, el formulario debe enviarse desde la propia página de este sitio. Vuelva a abrir la página y envíelo de nuevo.
server-error-title = Se ha producido un error
server-error-text = El catálogo no ha podido responder. Vuelva a intentarlo dentro de un momento.
busy-title = El validador está ocupado
busy-text = Se están comprobando demasiados archivos en este momento. Vuelva a intentarlo dentro de unos segundos.
too-many-requests-title = Demasiadas solicitudes
too-many-requests-text = Esta dirección ha enviado más solicitudes de las que el catálogo atiende para un solo visitante. Espere un momento y vuelva a cargar la página.
back-home = Volver a la página de inicio

nav-status = Estado del rastreo
status-title = Estado del rastreo: ¿por qué mi proyecto no aparece?
status-lead = Lo que el rastreador del catálogo encontró en los repositorios de cada editor la última vez que los visitó, y por qué un proyecto aparece o no.
status-url-label = Dirección del repositorio
status-url-button = Comprobar
status-url-help = Escriba la dirección de su repositorio (por ejemplo https://github.com/agencia/proyecto) para ver sus últimos rastreos.
status-empty-heading = Todavía no se ha hecho ningún rastreo
status-empty-text = El catálogo incluye un proyecto cuando su rastreador encuentra un publiccode.yml válido en la raíz de la rama predeterminada del repositorio, en un lugar de alojamiento (un grupo de GitLab, una organización de GitHub, una organización de Gitea o un repositorio git) declarado por un editor registrado. El rastreador visita esos lugares con regularidad y anota aquí lo que encontró en cada repositorio.
status-empty-step-file = Escriba un archivo publiccode.yml que describa su proyecto.
status-empty-step-validate = Compruébelo con la norma antes de publicarlo:
status-empty-step-registry = Publíquelo en la raíz de su repositorio, en un lugar que su organización haya registrado en el catálogo.
status-empty-step-crawl = En el siguiente rastreo, su proyecto aparece aquí con su resultado y después en el catálogo.
status-publishers = Editores
status-publisher = Editor
status-repositories = Repositorios
status-last-outcomes = Último resultado de cada repositorio
status-breadcrumb = Usted está aquí
status-all-publishers = Todos los editores
status-publisher-none = El rastreador todavía no conoce ningún repositorio de este editor.
status-repository-count = { $count ->
    [one] { $count } repositorio
   *[other] { $count } repositorios
}
status-outcome = Último resultado
status-detail = Detalle
status-time = Rastreado (UTC)
status-entry = Ficha del catálogo
status-see-entry = Ver la ficha
status-not-listed = No incluido
status-what-to-do = Qué puede hacer:
status-hosting = Encontrado en
status-aliases = Direcciones anteriores
status-recent-crawls = Rastreos recientes
status-unknown-heading = El rastreador nunca ha visto este repositorio
status-unknown-text = Compruebe la dirección y que el repositorio esté dentro de un lugar de alojamiento que su organización haya registrado en el catálogo. Un repositorio fuera de ellos nunca se visita.
status-guide-heading = Qué significa cada resultado
outcome-none = Aún no rastreado
outcome-ok = Incluido
outcome-ok-meaning = Se leyó un publiccode.yml válido: la ficha está incluida y al día.
outcome-ok-action = Nada. Cada cambio que publique en publiccode.yml se recoge en el siguiente rastreo.
outcome-invalid = Archivo no válido
outcome-invalid-meaning = Se encontró el publiccode.yml, pero no sigue la norma. Si una versión anterior era válida, sigue incluida con un aviso; si no, el proyecto no se incluye.
outcome-invalid-action = Corrija los errores indicados en la página del repositorio (cada uno da la línea y la columna), compruebe el archivo con el validador y publíquelo.
outcome-unreachable = Inaccesible
outcome-unreachable-meaning = El repositorio o su alojamiento no respondió a tiempo, devolvió un error de servidor o limitó las solicitudes del rastreador. La última versión válida sigue incluida.
outcome-unreachable-action = Normalmente nada: el siguiente rastreo lo vuelve a intentar. Si persiste, compruebe que el repositorio es público y que el servidor es accesible desde internet.
outcome-too-large = Demasiado grande
outcome-too-large-meaning = El publiccode.yml (límite de 1 MiB) o los datos que había que descargar superaban lo que el rastreador acepta.
outcome-too-large-action = Mantenga publiccode.yml breve: ponga los textos largos y las imágenes en archivos aparte e indique su ruta.
outcome-not-found = Sin publiccode.yml
outcome-not-found-meaning = No se encontró ningún publiccode.yml (ni publiccode.yaml) en la raíz de la rama predeterminada, o el repositorio está vacío.
outcome-not-found-action = Añada publiccode.yml en la raíz de la rama predeterminada. Si su proyecto no debe aparecer en el catálogo, no hay que hacer nada.
outcome-skipped-unchanged = Sin cambios
outcome-skipped-unchanged-meaning = Nada cambió en el repositorio desde el último rastreo, así que no se descargó nada. El resultado anterior sigue vigente.
outcome-skipped-unchanged-action = Nada. Publique un cambio y se leerá en el siguiente rastreo.
outcome-refused = Rechazado
outcome-refused-meaning = El rastreador rechazó el contenido por seguridad: por ejemplo, publiccode.yml es un enlace simbólico o un submódulo, el repositorio está fuera del alojamiento declarado por el editor o una redirección llevaba a otro servidor.
outcome-refused-action = Lea el detalle: haga de publiccode.yml un archivo normal del repositorio, o pida a su organización que registre el lugar donde está el repositorio.
outcome-gone = Desaparecido
outcome-gone-meaning = El repositorio ya no existe donde el editor lo aloja. Su ficha y su historial se conservan, marcados como desaparecidos.
outcome-gone-action = Si el repositorio se trasladó, su nueva dirección se encontrará en el siguiente rastreo si está en un lugar registrado; un cambio de nombre en la misma forja conserva la ficha.
status-standing = El resultado que sigue vigente, de un rastreo anterior:

assess-heading = Evaluación
assess-intro = Lo que una agencia debe saber antes de reutilizar este software, calculado automáticamente a partir de su repositorio. Cada resultado muestra sus pruebas.
assess-when = Evaluado el
assess-none = Este software todavía no ha sido evaluado. Las evaluaciones se calculan cuando el catálogo lee su repositorio.
assess-unreadable = La evaluación guardada de este software no se pudo leer, por lo que no se muestra. El servidor ha registrado el error para sus operadores.
assess-evidence = Pruebas
assess-rule = Regla:
assess-method = Método
assess-errors = Comprobaciones que no se pudieron ejecutar
assess-license-explain = La licencia encontrada en los archivos del repositorio, comparada con la declarada en publiccode.yml.
assess-declared = Declarada en publiccode.yml
assess-combination-unknown = Varias licencias, y el proyecto no dice si se aplican juntas o a elección: vea los archivos abajo.
assess-detected = Detectada en los archivos
assess-agreement = Concordancia
assess-agreement-agree = Coinciden
assess-agreement-mismatch = No coinciden
assess-agreement-unknown = No se pueden comparar
assess-osi = Open Source Initiative
assess-family = Familia
assess-license-guide = Guía de licencias
assess-security = Prácticas de seguridad
assess-security-explain = Comprobaciones inspiradas en OpenSSF Scorecard, limitadas a lo que muestra el propio repositorio, cada una puntuada de 0 a 10 y ponderada según el riesgo. No es el Scorecard oficial.
assess-check = Comprobación
assess-score = Puntuación
assess-weight = Peso en la puntuación
assess-reason = Por qué
assess-differs = Mide algo más limitado que la comprobación de Scorecard del mismo nombre.
assess-inconclusive = No concluyente
assess-inconclusive-note = Un guion indica que la comprobación no se aplica o no fue concluyente.
assess-not-computed = Comprobaciones de Scorecard no calculadas, y por qué
risk-critical = Crítico
risk-high = Alto
risk-medium = Medio
risk-low = Bajo
assess-vulnerabilities = Vulnerabilidades conocidas
assess-vulnerabilities-explain = Las versiones de las dependencias fijadas en los archivos de bloqueo, cotejadas con la base de vulnerabilidades OSV importada por el operador del catálogo.
assess-vulnerabilities-count = { $count ->
    [0] Ninguna vulnerabilidad conocida
    [one] { $count } vulnerabilidad conocida
   *[other] { $count } vulnerabilidades conocidas
}
assess-packages = { $count ->
    [one] { $count } paquete comprobado
   *[other] { $count } paquetes comprobados
}
assess-packages-locked = { $count ->
    [one] { $count } paquete bloqueado encontrado
   *[other] { $count } paquetes bloqueados encontrados
}
assess-not-evaluated = { $count ->
    [one] { $count } paquete no se pudo evaluar
   *[other] { $count } paquetes no se pudieron evaluar
}
assess-osv-as-of = Datos OSV del
assess-no-osv = No se importaron datos OSV: no se comprobaron las vulnerabilidades.
assess-advisory = Aviso
assess-package = Paquete
assess-fixed-in = Corregido en
assess-summary = Resumen
assess-lockfiles = Archivos de bloqueo leídos
assess-vitality = Actividad de mantenimiento
assess-vitality-explain = El índice de vitalidad de Developers Italia (de 0 a 100, en los últimos 60 días), calculado como lo calcula su rastreador para que las cifras sean comparables: todo repositorio obtiene al menos 46 y cuenta cada autor desde el primer commit, así que un proyecto abandonado aún puede puntuar bien. Léalo junto a las señales más claras que lo acompañan.
vitality-commits = Commits, últimos 90 / 365 días
vitality-authors = Autores activos, últimos 90 / 365 días
vitality-releases = Versiones publicadas (última)
vitality-bus-factor = Factor autobús (mínimo de personas que hicieron la mitad de los commits del último año)
vitality-days-since = Días desde el último commit
vitality-commits-total = Commits en total
assess-principles = Principios de código abierto de las Naciones Unidas
assess-principles-explain = Cada principio se cumple (con las pruebas encontradas), lo declara el editor, falta o no se aplica. No hay una puntuación única.
assess-dpg = Estándar de bienes públicos digitales
assess-dpg-explain = Los nueve indicadores del Estándar de bienes públicos digitales, cada uno con su estado y sus pruebas. Algunos solo puede declararlos el editor.
assess-ai = Definición de IA de código abierto
assess-ai-explain = Este proyecto parece un sistema de IA: ¿están disponibles en condiciones abiertas sus parámetros, su código y la información sobre sus datos de entrenamiento?
assess-status-met = Cumplido
assess-status-declared = Declarado
assess-status-missing = Falta
assess-status-not-declared = No declarado
assess-status-not-applicable = No se aplica
assess-status-needs-review = Requiere revisión
declared-by = Declarado por { $by } ({ $role }) el { $at }.
declared-by-without-role = Declarado por { $by } el { $at }.
indicator-un-open-by-default = Abierto por defecto
indicator-un-contribute-back = Contribuir de vuelta
indicator-un-secure-by-design = Seguro desde el diseño
indicator-un-inclusive-participation = Fomentar la participación inclusiva y la innovación
indicator-un-design-for-reusability = Diseñar para la reutilización
indicator-un-provide-documentation = Proporcionar documentación
indicator-un-rise = RISE (reconocer, incentivar, apoyar y empoderar)
indicator-un-sustain-and-scale = Sostener y ampliar
indicator-dpg-sdg-relevance = Pertinencia para los Objetivos de Desarrollo Sostenible
indicator-dpg-open-licensing = Uso de licencias abiertas aprobadas
indicator-dpg-clear-ownership = Titularidad clara
indicator-dpg-platform-independence = Independencia de plataforma
indicator-dpg-documentation = Documentación
indicator-dpg-data-extraction = Mecanismo para extraer datos y contenidos
indicator-dpg-privacy-and-laws = Respeto de la privacidad y de las leyes aplicables
indicator-dpg-standards-best-practices = Respeto de las normas y buenas prácticas
indicator-dpg-do-no-harm = No causar daño desde el diseño
indicator-parameters = Parámetros (pesos)
indicator-code = Código
indicator-data-information = Información sobre los datos de entrenamiento
assess-cost = Coste de reconstrucción, valor de la reutilización
assess-cost-explain = Lo que costaría volver a construir este software, estimado a partir de su tamaño con el modelo COCOMO básico, junto al número de organizaciones que ya lo usan.
cost-lines = Líneas de código
cost-no-code = No se contó código fuente en este repositorio (solo datos, documentación o configuración), así que no hay coste de reconstrucción que mostrar.
cost-effort = Esfuerzo (personas-mes)
cost-schedule = Duración (meses)
cost-people = Tamaño medio del equipo
cost-used-by = Organizaciones que lo usan
cost-dependents = Fichas del catálogo que se basan en él
cost-languages = Lenguajes
nav-licenses = Guía de licencias
licenses-families = Familias de licencias
licenses-common = Licencias frecuentes
licenses-compatibility = Combinar licencias
licenses-obligations = Lo que debe hacer
licenses-combine = Combinación
licenses-contents = En esta página
licenses-compatibility-lead = ¿Se puede incluir código con una licencia en una obra con otra? Los casos más frecuentes:
licenses-code-under = Código con licencia
licenses-included-in = Incluido en una obra con licencia
licenses-answer = Respuesta
licenses-note = Por qué
licenses-any-license = Cualquier licencia, abierta o cerrada
licenses-closed-software = Software cerrado que se distribuye

# Federation: provenance on the software page, exports on the about page.
listed-via = Incluido a través de
also-listed-in = También incluido en
listing-read = leído el
about-export-heading = Exportación y federación
about-export-text = Otros catálogos, portales de datos y archivos de investigación pueden leer este catálogo en los formatos que ya recopilan. Cada formato es público y no requiere cuenta.
export-open-catalog = API Software Catalog
export-open-catalog-text = La API que usan Developers Italia, el catálogo suizo y el catálogo de código abierto de la UE: otros catálogos recorren cada entrada con su publiccode.yml tal como se publicó. Este catálogo también lee a sus pares a través de ella.
export-dcat = DCAT-AP 3 (Turtle)
export-dcat-text = Todo el catálogo como datos enlazados para portales de datos como data.europa.eu: un registro por entrada.
export-codemeta = CodeMeta (JSON-LD)
export-codemeta-text = Cada entrada descrita con el vocabulario CodeMeta, para catálogos de investigación y archivos de software.
export-dump = Volcado JSON completo
export-dump-text = Todas las entradas publicadas con su publiccode.yml original, para réplicas sin conexión y análisis.
export-atom = Canales Atom
export-atom-text = Entradas nuevas y modificadas, de la más reciente a la más antigua, para todo el catálogo y para cada organización.

# The assessment in brief, at the top of the software page.
summary-heading = Antes de reutilizarlo
summary-footer = En breve, según la última evaluación automática del repositorio.
summary-full = Evaluación completa y pruebas
summary-median = { $count ->
    [one] mediana del catálogo { $median } ({ $count } proyecto evaluado)
   *[other] mediana del catálogo { $median } ({ $count } proyectos evaluados)
}
summary-out-of-10 = { $score } de 10
summary-not-computed = No calculado
summary-not-checked = No comprobado
summary-database-of = base de vulnerabilidades del { $date }
summary-license-osi = { $license }, aprobada por la OSI
summary-last-commit-days = { $count ->
    [0] Último commit hoy
    [one] Último commit hace { $count } día
   *[other] Último commit hace { $count } días
}
summary-vitality-index = vitalidad { $index } de 100
verdict-license-permissive = Puede reutilizarlo, modificarlo y redistribuirlo conservando los avisos de derechos de autor y de licencia.
verdict-license-weak-copyleft = Puede incorporarlo a su propio software; los cambios en sus propios archivos deben compartirse con la misma licencia.
verdict-license-strong-copyleft = Puede reutilizarlo y modificarlo; el software distribuido que lo incluya debe publicarse con la misma licencia.
verdict-license-network-copyleft = Puede reutilizarlo y modificarlo; si lo ofrece como servicio en línea, debe publicar sus cambios.
verdict-license-unknown = No se pudo identificar la licencia: consulte al publicador antes de reutilizarlo.
verdict-license-mismatch = Los archivos de licencia no coinciden con la licencia declarada en publiccode.yml: pregunte al publicador cuál se aplica.
verdict-license-combination = Se encontraron varias licencias y nada indica si se aplican todas o si son opciones: consulte al publicador.
verdict-security-above = Mejores prácticas de seguridad que la mitad de los proyectos evaluados del catálogo.
verdict-security-below = Peores prácticas de seguridad que la mitad de los proyectos evaluados del catálogo: vea qué comprobaciones fallaron.
verdict-security-at = Prácticas de seguridad en la mediana del catálogo.
verdict-security-alone = Todavía no hay otro proyecto evaluado con el que compararlo.
verdict-security-none = No se pudieron calcular las comprobaciones a partir del repositorio.
verdict-vulnerabilities-no-database = El catálogo no disponía de una base de vulnerabilidades, así que no se comprobaron las dependencias.
verdict-vulnerabilities-no-lockfile = No se encontró ningún archivo de bloqueo, así que no se pudieron comprobar las versiones exactas de las dependencias.
verdict-vulnerabilities-none = { $count ->
    [one] La { $count } dependencia bloqueada no tiene vulnerabilidades conocidas.
   *[other] Ninguna de las { $count } dependencias bloqueadas tiene vulnerabilidades conocidas.
}
verdict-vulnerabilities-found = Actualice las dependencias afectadas antes de desplegarlo; las versiones corregidas figuran más abajo.
verdict-vitality-active = Mantenido activamente: cambios en los últimos tres meses.
verdict-vitality-slow = Lento: sin cambios en los últimos tres meses, pero con algunos en el último año.
verdict-vitality-dormant = Sin cambios desde hace más de un año: prevea mantenerlo usted mismo.
verdict-vitality-unknown = No se pudo leer el historial.

# The methodology page (/methodology).
method-title = Cómo se hace la evaluación
method-lead = Cada proyecto del catálogo se evalúa automáticamente a partir de una copia de su repositorio, en el commit que leyó el rastreador. Nada se puntúa a mano. Esta página explica qué mira cada parte, qué no puede ver y cómo impugnar un resultado.
method-contents = Contenido
method-link = Cómo se calcula
method-version = Versión del método de las evaluaciones de este servidor:
method-license = Licencia
method-license-text = Los archivos de licencia de la raíz del repositorio se comparan palabra por palabra, tras normalizarlos, con los textos de la lista de licencias SPDX. Cuando un texto está a un margen pequeño de una licencia común, se elige la licencia común y se nombra la casi copia. Cuando hay varios archivos de licencia, la declaración del propio proyecto dice cómo se combinan (Cargo.toml, package.json, pyproject.toml o setup.cfg, composer.json, un gemspec, pom.xml, o una frase del README o de COPYING); sin ella, el catálogo dice que la combinación es desconocida en lugar de adivinarla. El resultado se compara con la licencia declarada en publiccode.yml. La familia (permisiva, copyleft débil, fuerte o de red) es la de la expresión efectiva: la opción menos exigente cuando hay elección (OR), la más exigente cuando se aplican todas (AND).
method-security = Prácticas de seguridad
method-security-text = Comprobaciones basadas en OpenSSF Scorecard, calculadas solo a partir del repositorio: artefactos binarios, patrones de flujo de trabajo peligrosos, herramienta de actualización de dependencias, fuzzing, licencia, mantenimiento, dependencias fijadas, análisis estático, política de seguridad, versiones firmadas, permisos de los tokens, pruebas en integración continua y vulnerabilidades conocidas. Cada comprobación puntúa de 0 a 10 y cuenta con el peso de su nivel de riesgo (crítico 10, alto 7,5, medio 5, bajo 2,5); la puntuación es su media ponderada, sobre 10. Una comprobación que no pudo concluir queda fuera de la media. No es el Scorecard oficial, y las comprobaciones que difieren de él están marcadas.
method-vulnerabilities = Vulnerabilidades conocidas
method-vulnerabilities-text = Las versiones exactas de las dependencias escritas en los archivos de bloqueo (Cargo.lock, package-lock.json, yarn.lock, poetry.lock, go.sum, composer.lock y otros) se cotejan con la base de vulnerabilidades OSV que importa el operador del catálogo. Un proyecto sin archivo de bloqueo, o un catálogo sin esa base, se muestra como no comprobado, nunca como seguro.
method-vitality = Actividad de mantenimiento
method-vitality-text = El historial de la rama por defecto da los commits y los autores distintos de los últimos 90 y 365 días, las versiones (etiquetas), el factor bus (el menor número de autores que hicieron la mitad de los commits del año) y la fecha del último commit. El índice de vitalidad, de 0 a 100, se calcula como lo calcula el rastreador de Developers Italia sobre los últimos 60 días, para que sus cifras sean comparables; tiene un mínimo, así que léalo junto con las demás cifras. Un proyecto sin cambios desde hace más de un año se muestra como inactivo.
method-principles = Principios de código abierto de las Naciones Unidas y estándar de bienes públicos digitales
method-principles-text = Cada principio o indicador tiene una regla que las pruebas del repositorio pueden cumplir (por ejemplo una guía CONTRIBUTING, una licencia aprobada por la OSI, una política de seguridad). Algunos solo puede afirmarlos el publicador, como la pertinencia para los Objetivos de Desarrollo Sostenible o el respeto de las leyes de privacidad: sin declaración se muestran como no declarados, que no es lo mismo que no cumplidos. Una declaración muestra quién la hizo, con qué función y cuándo, y nunca sustituye a una prueba.
method-cost = Coste de volver a desarrollarlo
method-cost-text = Las líneas de código se cuentan sin líneas en blanco, comentarios ni archivos de terceros, generados o minificados, y se convierten en esfuerzo, plazo y coste con el modelo COCOMO básico (modo orgánico), con el salario anual y los gastos generales por defecto de la herramienta scc. Es un orden de magnitud de lo que ahorra la reutilización, no un presupuesto.
method-offline = Lo que no puede ver
method-offline-text = La evaluación solo lee el repositorio en un commit, sin la API de la forja y sin internet. No ve la protección de ramas, las revisiones de código, las incidencias ni las estrellas de la forja, la pertenencia a OSS-Fuzz ni las insignias de buenas prácticas, y solo lee la rama por defecto. Los historiales largos se cortan en un límite, que el informe indica. Los resultados valen a la fecha de evaluación que se muestra con ellos.
method-contest = Cómo impugnar un resultado
method-contest-text = Cada resultado muestra sus pruebas: la regla aplicada, el archivo y el commit. Si el fallo estaba en el repositorio, corríjalo y el siguiente rastreo evaluará el nuevo commit. Lo que solo el publicador puede afirmar se declara con un token de publicador, mediante las declaraciones de la API (PUT /api/v1/software/ID/declarations/ITEM), y se muestra con el nombre del publicador. Si lo que falla es una regla, escriba al operador del catálogo con el enlace al informe (/api/v1/software/ID/assessment) y la versión del método que indica.

# Search by meaning and similar entries.
match-meaning = Encontrado por el significado, descrito en { $language }
match-meaning-other = Encontrado por el significado
similar-heading = También resuelve esto
similar-intro = Entradas cuya descripción significa más o menos lo mismo, en cualquier idioma: primero las de otras organizaciones, las más cercanas primero. Revíselas antes de desarrollar o comprar.
similar-score = { $percent } % parecido
similar-same-organisation = misma organización
relation-based-on = esta entrada se basa en ella
relation-basis-of = se basa en esta entrada
relation-depends-on = esta entrada depende de ella
relation-dependency-of = depende de esta entrada
duplicates-title = Posibles duplicados
duplicates-lead = Software de organizaciones distintas cuyas descripciones significan más o menos lo mismo, en cualquier idioma, con un parecido del { $percent } % o más. Antes de desarrollar uno más, hable con quienes ya lo tienen.
duplicates-none = No hay posibles duplicados con este umbral.
duplicates-incomplete = Las entradas aún se están comparando; pueden aparecer más grupos.
duplicates-unavailable = La búsqueda por significado no está disponible en este servidor, así que no se pueden encontrar duplicados.
duplicates-group = Grupo { $number }
duplicates-reuse-heading = Reutilización declarada
duplicates-reuse-text = Se parecen porque uno se basa en el otro, como declaran sus archivos publiccode.yml: es reutilización, no duplicación.

## Inicio de sesión, funciones y curaduría
sign-in = Iniciar sesión
sign-out = Cerrar sesión
signed-in-as = Sesión iniciada como
sign-in-needed-title = Inicie sesión primero
sign-in-needed-text = Esta página es para personas con sesión iniciada en el catálogo. Inicie sesión y vuelva a enviar el formulario.
not-allowed-title = Fuera de su función
not-allowed-text = Sus funciones en este catálogo no le permiten abrir esta página ni hacer esto. Un administrador puede darle la función que necesita.
conflict-title = Ya decidido
conflict-text = Otra persona actuó antes. Vuelva a abrir la página para ver cómo están las cosas.
account-title = Su cuenta
account-roles = Sus funciones
account-no-roles = Aún no tiene ninguna función. Solicite publicar el software de su organización y un curador lo revisará.
account-pages = Lo que puede hacer
role-admin = Administrador
role-curator = Curador
role-member = Miembro editor
role-by-configuration = otorgada por la configuración del servidor
roles-title = Funciones
roles-lead = Quién puede administrar el catálogo, revisar solicitudes de publicación o hablar en nombre de una organización. Cada cambio queda en el registro de auditoría.
roles-holders = Quién tiene una función
roles-none = Nadie tiene todavía una función otorgada en el catálogo.
field-email = Correo electrónico
field-role = Función
field-organisation = Organización
granted-by = Otorgada por
role-revoke = Retirar
scope-all = Todas las organizaciones
role-grant = Otorgar una función
role-scope-help = Un curador revisa las solicitudes de una organización o de todas; un miembro editor habla en nombre de una organización; un administrador lo es de todo el catálogo.
role-grant-submit = Otorgar la función
publish-title = Publique el software de su organización
publish-lead = Solicite que se catalogue el grupo de la forja de su organización. Un curador comprueba que usted habla en su nombre; una vez aceptada, usted pasa a ser su miembro editor.
requests-mine = Sus solicitudes
publish-ask = Solicitar la publicación
field-organisation-name = Nombre de la organización
field-organisation-id = Identificador de la organización
field-organisation-id-help = Letras minúsculas, cifras y guiones, como «unicef» o «un-habitat».
field-forge-url = Dirección del grupo u organización en la forja
field-evidence = Por qué habla en nombre de esta organización
field-evidence-help = Su cargo, una página que le nombre o un colega a quien los curadores puedan preguntar. Los curadores lo leen.
publish-submit = Enviar la solicitud
requests-title = Solicitudes de publicación
requests-lead = Primero aparecen las solicitudes que esperan a un curador. Cada decisión necesita un motivo: el solicitante lo lee.
requests-none = Todavía no hay solicitudes.
field-requester = Solicitada por
field-status = Estado
field-reason = Motivo
request-accept = Aceptar
request-refuse = Rechazar
request-pending = En espera de un curador
request-accepted = Aceptada
request-refused = Rechazada
audit-title = Registro de auditoría
audit-lead = Cada cambio hecho en nombre de alguien, del más reciente al más antiguo, con el estado resultante. El registro está encadenado por hashes: `commons audit verify` detecta cualquier fila alterada o eliminada.
audit-who = Quién
audit-what = Acción
audit-filter = Filtrar
audit-none = Ninguna entrada coincide.
audit-when = Cuándo
audit-target = Sobre
audit-change = Cambio
audit-older = Entradas anteriores
sign-in-failed-title = El inicio de sesión no se completó
sign-in-failed-text = No se inició ninguna sesión. Vuelva a empezar desde el enlace de inicio de sesión; si vuelve a fallar, el detalle de abajo ayudará a su administrador.
tokens-title = Tokens de la API
tokens-lead = Un token permite a sus sistemas declarar, mediante la API, lo que una evaluación no puede detectar en los repositorios de su organización. Caduca; revóquelo en cuanto deje de necesitarlo. Cada emisión y revocación queda en el registro de auditoría.
tokens-list = Tokens
tokens-none = Todavía no hay tokens.
token-label = Etiqueta
token-days = Válido durante (días)
token-days-help = { $count ->
    [one] Como máximo { $count } día.
   *[other] Como máximo { $count } días.
}
token-issue = Emitir un token
token-issue-submit = Emitir el token
token-issued-title = Su nuevo token
token-issued-text = Cópielo ahora: solo se muestra esta vez y el catálogo guarda únicamente su hash.
token-issued-use = Envíelo en la cabecera
token-revoke = Revocar
token-never = nunca
field-issued = Emitido
field-expires = Caduca
field-revoked = Revocado
field-uses = Usos
account-tokens-of = Tokens de la API de { $organisation }
entry-curation-title = Presentación
entry-curation-lead = Cómo muestra el catálogo esta ficha, diga lo que diga su publiccode.yml: oculta de todas las listas, destacada en la página de inicio o sustituida por otra ficha. Los lectores ven el motivo de una sustitución; cada cambio queda en el registro de auditoría.
entry-curation-now = Ahora
entry-hidden = Oculta de todas las listas
entry-featured = Destacada en la página de inicio
entry-superseded-by = Sustituida por
entry-superseded-help = El identificador de la ficha que la sustituye, tal como aparece en su dirección (/software/…). Déjelo vacío si no la hay.
entry-hide = Ocultar de todas las listas
entry-feature = Destacar en la página de inicio
entry-curation-submit = Guardar
entry-curate-link = Presentación
entry-superseded-notice = Los curadores recomiendan su sucesor:
home-featured = Destacado por los curadores

## El registro de editores
registry-title = Registro de editores
registry-lead = Quién publica y dónde busca el rastreador: los grupos, organizaciones o repositorios de cada editor, o el catálogo par que representa. Cada cambio guarda una nueva revisión y queda en el registro de auditoría.
registry-source-database = El rastreador de este servidor lee este registro antes de cada ronda y de cada webhook.
registry-source-file = Este servidor rastrea el archivo de registro con el que se inició: cambie el archivo y reinicie el servidor. Aquí el registro se consulta, no se cambia.
registry-source-none = Este servidor no rastrea. Un servidor de este catálogo iniciado con --crawl rastrea este registro.
registry-revision = Revisión
registry-publishers = Editores
registry-empty = El registro está vacío.
registry-add = Añadir un editor
registry-export = Descargar como archivo de registro (YAML)
registry-import = Importar un archivo de registro
registry-import-label = Archivo de registro (YAML)
registry-import-help = Pegue un archivo de registro completo: sustituye al registro si pasa todas las comprobaciones. Para un archivo de más de 4 MiB, use commons publishers import.
registry-import-submit = Importar
registry-import-problems = El archivo no se importó. Problemas, por línea y columna:
field-publisher-id = Identificador
field-name = Nombre
field-uri = Identificador de la organización (URL o URN)
field-hosting = Lugares de alojamiento
field-hosting-url = Dirección
field-hosting-kind = Tipo
field-hosting-api = Base de la API
hosting-help = Un grupo de GitLab, una organización o usuario de GitHub, una organización de Gitea o Forgejo, o un repositorio git simple. Indique una base de API solo si no es la habitual de la forja. Vacíe la dirección de una línea para quitarla.
field-peer-catalog = O la dirección de la API de un catálogo par
field-peer-catalog-help = Un catálogo que habla la Software Catalog API, cuyas entradas se importan. Un editor tiene lugares de alojamiento o un catálogo par, no ambos.
field-state = Estado
publisher-active = Rastreado
publisher-suspended = Suspendido
publisher-edit = Editar
publisher-view = Ver
publisher-edit-title = Editor
publisher-new-title = Nuevo editor
publisher-save = Guardar
publisher-problems = No se guardó. Qué corregir:
publisher-suspend = Suspender
publisher-suspend-help = Un editor suspendido no se rastrea y sus webhooks se rechazan. Sus entradas permanecen en el catálogo y sus lugares de alojamiento le siguen reservados.
publisher-resume = Rastrear de nuevo
request-registry-kind = Añadir el grupo al registro como
request-registry-none = No añadirlo
kind-gitlab = Grupo de GitLab
kind-github = Organización o usuario de GitHub
kind-gitea = Organización de Gitea o Forgejo
kind-git = Repositorio git simple
kind-catalog = Catálogo par

## Las declaraciones de un miembro
declarations-title = Declaraciones
declarations-lead = Lo que su organización declara sobre este software donde ningún repositorio puede mostrarlo. Una declaración surte efecto de inmediato en la evaluación y es pública; una nueva sustituye a la actual, y cada declaración y retirada queda en el historial de la entrada y en el registro de auditoría.
declarations-only-you = Solo el editor puede mostrarlos
declarations-others = Los demás principios e indicadores
declarations-others-help = La evaluación los comprueba en el repositorio; una declaración añade lo que no puede ver.
declaration-none = Sin declarar
declaration-declared = Declarado
declaration-not-applicable = Declarado no aplicable
declaration-by = Por
declaration-field-by = Quién declara (el nombre de una persona)
declaration-field-role = Su cargo o título
declaration-field-statement = Declaración
declaration-field-url = Enlace al documento justificativo
declaration-field-not-applicable = No se aplica a este software
declaration-help = Dé una declaración, un enlace, o marque «no se aplica».
declaration-submit = Declarar
declaration-withdraw = Retirar la declaración

token-scope = Alcance
token-scope-declarations = Solo declaraciones
token-scope-publishing = Declaraciones y publicación
token-scope-help = Un token de publicación también puede pedir al catálogo que vuelva a leer uno de sus repositorios (POST /api/v1/hooks/publisher), por ejemplo desde una cadena de publicación.
publisher-too-many-hostings = Este editor tiene más lugares de alojamiento de los que caben en este formulario: cámbielo importando un archivo de registro.
