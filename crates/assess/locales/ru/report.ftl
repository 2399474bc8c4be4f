# Предложения отчёта об оценке (commons-assess). Английский текст — собственный текст методики:
# отчёт хранит его рядом с идентификатором каждого сообщения, поэтому при изменении предложения обновляйте оба.
# Аргументы в обратных кавычках — команды, файлы или идентификаторы; они приводятся как есть.

## Проверки безопасности (по образцу OpenSSF Scorecard)

security-binary-none = в дереве нет двоичных артефактов
security-binary-found = { $count ->
    [one] в репозитории { $count } двоичный артефакт
    [few] в репозитории { $count } двоичных артефакта
    [many] в репозитории { $count } двоичных артефактов
   *[other] в репозитории { $count } двоичного артефакта
}
security-binary-too-many = более 20 000 файлов-кандидатов; остальные не проверялись
evidence-binary-bytes = { $bytes ->
    [one] { $bytes } байт, не текст
    [few] { $bytes } байта, не текст
    [many] { $bytes } байт, не текст
   *[other] { $bytes } байта, не текст
}
security-no-workflows = нет рабочих процессов
security-dangerous-none = нет опасных шаблонов в рабочих процессах
security-dangerous-found = { $count ->
    [one] { $count } опасный шаблон
    [few] { $count } опасных шаблона
    [many] { $count } опасных шаблонов
   *[other] { $count } опасного шаблона
}
evidence-script-injection = задание { $job }: `run` подставляет недоверенное значение { $context }
evidence-untrusted-checkout = задание { $job }: привилегированный триггер ({ $triggers }) извлекает код запроса на слияние ({ $reference })
security-update-tool-none = нет конфигурации Dependabot, Renovate, PyUp или Scala Steward
security-update-tool-found = настроен инструмент обновления зависимостей
evidence-configuration-file = файл конфигурации
evidence-clusterfuzzlite = конфигурация ClusterFuzzLite
evidence-fuzzer-signature = фаззинг ({ $language }): `{ $signature }`
security-fuzzing-none = фаззинг не найден (участие в OSS-Fuzz без доступа к сети не проверяется)
security-fuzzing-found = фаззинг настроен
evidence-license-file = файл лицензии
security-license-none = нет файла лицензии
security-license-approved = файл лицензии в корне репозитория; лицензия распознана как одобренная OSI/FSF
security-license-partial = файл лицензии найден, но не в корне репозитория или лицензия не распознана как одобренная
security-history-not-read = история не прочитана
security-maintained-young = первый коммит сделан менее 90 дней назад
security-maintained-commits = { $count ->
    [one] { $count } коммит за последние 90 дней (цель: один в неделю)
    [few] { $count } коммита за последние 90 дней (цель: один в неделю)
    [many] { $count } коммитов за последние 90 дней (цель: один в неделю)
   *[other] { $count } коммита за последние 90 дней (цель: один в неделю)
}
evidence-commits-only = учитываются только коммиты: статус архивации и активность по задачам — данные платформы
evidence-unpinned-action = задание { $job }: версия `{ $action }` не закреплена полным хешем коммита
evidence-pipe-to-shell = задание { $job }: `{ $line }` передаёт загружаемые данные прямо в оболочку
evidence-pip-without-hashes = задание { $job }: `{ $line }` устанавливает пакеты без --require-hashes
evidence-npm-install = задание { $job }: `{ $line }` (для установки из lock-файла используйте `npm ci`)
evidence-go-install-unpinned = задание { $job }: `{ $line }` устанавливает без закреплённой версии
evidence-unpinned-image = образ в `FROM { $image }` не закреплён дайджестом
security-pinned-none = нет зависимостей в рабочих процессах и файлах Dockerfile
security-pinned-count = закреплено зависимостей: { $pinned } из { $total } (с учётом весов { $pinnedWeight }/{ $totalWeight })
evidence-sast-step = задание { $job }: { $step }
evidence-sast-gitlab = подключён шаблон GitLab SAST
security-sast-none = в CI нет инструмента статического анализа
security-sast-found = статический анализ выполняется в CI (охват каждого изменения — данные платформы, не проверяется)
security-policy-none = нет SECURITY.md
security-policy-unreadable = политику безопасности не удалось прочитать
security-policy-found = политика безопасности найдена: { $contacts ->
    [one] { $contacts } контакт
    [few] { $contacts } контакта
    [many] { $contacts } контактов
   *[other] { $contacts } контакта
}, { $mentions ->
    [one] { $mentions } упоминание
    [few] { $mentions } упоминания
    [many] { $mentions } упоминаний
   *[other] { $mentions } упоминания
} уязвимостей, раскрытия или сроков
evidence-security-policy = политика безопасности
security-no-tags = нет тегов
security-signed-count = с подписью — { $signed } из последних { $count ->
    [one] { $count } тега
    [few] { $count } тегов
    [many] { $count } тегов
   *[other] { $count } тега
} (подписи не проверялись)
evidence-tag-signed = тег { $tag }: подписан
evidence-tag-unsigned = тег { $tag }: не подписан
evidence-permissions-read = права верхнего уровня — только чтение
evidence-permissions-write = права верхнего уровня дают доступ на запись
evidence-permissions-per-job = прав верхнего уровня нет, но каждое задание объявляет свои
evidence-permissions-default = права не объявлены: токен получает права репозитория по умолчанию (часто на запись)
security-permissions-read = каждый рабочий процесс на верхнем уровне ограничивает токен правами на чтение
security-permissions-write = хотя бы один рабочий процесс оставляет токену права на запись
security-ci-none = нет конфигурации CI
security-ci-no-tests = конфигурация CI есть, но ни один шаг не упоминает тесты
security-ci-tests = конфигурация CI есть, и она запускает тесты
evidence-ci-config = конфигурация CI (Scorecard проверяет результаты CI в принятых запросах на слияние; Commons проверяет конфигурацию)
security-vulnerabilities-no-database = экспорт OSV не импортирован (commons osv import)
security-vulnerabilities-count = { $count ->
    [one] { $count } известная уязвимость в зафиксированных зависимостях
    [few] { $count } известные уязвимости в зафиксированных зависимостях
    [many] { $count } известных уязвимостей в зафиксированных зависимостях
   *[other] { $count } известной уязвимости в зафиксированных зависимостях
}

## Файлы, которые проверка не смогла использовать

error-unreadable = { $file }: не удалось прочитать
error-unreadable-or-binary = { $file }: не удалось прочитать или это не текст
error-policy-unreadable = { $file }: не является читаемым текстовым файлом (переход по ссылкам не выполняется)
error-not-regular-file = { $file }: не обычный файл (переход по символическим ссылкам не выполняется)
error-not-utf8 = { $file }: не является текстом в кодировке UTF-8
error-too-many-lockfiles = число lock-файлов превышает { $limit }; остальные не читались
error-too-many-workflows = число файлов рабочих процессов превышает { $limit }; остальные не читались

## Файлы, которые не удалось прочитать или разобрать: собственные формулировки git и синтаксических
## анализаторов приводятся как есть, в $detail

error-git-spawn = не удалось запустить git: { $detail }
error-not-a-repository = { $file } не является репозиторием git: { $detail }
error-empty-repository = в репозитории нет коммита, на который указывает HEAD
error-git-failed = команда git { $command } завершилась с ошибкой: { $detail }
error-git-timeout = команда git { $command } выполнялась дольше { $seconds } с и была остановлена
error-file-too-large = размер файла { $file } ({ $size ->
    [one] { $size } байт
    [few] { $size } байта
    [many] { $size } байт
   *[other] { $size } байта
}) превышает предел чтения одного файла ({ $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
})
error-history-failed = не удалось прочитать историю: { $detail }
error-deadline-passed = оценка выполнялась дольше { $seconds } с и была остановлена
error-read-budget-spent = { $file }: не прочитан: оценка уже прочитала предельный объём данных ({ $limit ->
    [one] { $limit } байт
    [few] { $limit } байта
    [many] { $limit } байт
   *[other] { $limit } байта
})
error-git-read = ошибка чтения из git: { $detail }
error-file-not-read = { $file }: не прочитан: { $detail }
error-tags-not-read = теги не прочитаны: { $detail }
error-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-skipped-too-deep = { $file }: пропущен: глубина вложенности превышает { $limit ->
    [one] { $limit } уровень
    [few] { $limit } уровня
    [many] { $limit } уровней
   *[other] { $limit } уровня
} (строка { $line })
error-skipped-too-many-nodes = { $file }: пропущен: после развёртывания псевдонимов получается больше { $limit ->
    [one] { $limit } узла
    [few] { $limit } узлов
    [many] { $limit } узлов
   *[other] { $limit } узла
} (строка { $line })
error-skipped-too-large = { $file }: пропущен: после развёртывания псевдонимов получается больше { $limit ->
    [one] { $limit } байта
    [few] { $limit } байт
    [many] { $limit } байт
   *[other] { $limit } байта
} (строка { $line })
error-invalid-json = { $file }:{ $line }:{ $column }: недопустимый JSON: { $detail }
error-invalid-toml = { $file }: недопустимый TOML: { $detail }
error-invalid-xml = { $file }: недопустимый XML (байт со смещением { $position }): { $detail }
error-xml-too-deep = { $file }: глубина вложенности элементов превышает { $limit ->
    [one] { $limit } уровень
    [few] { $limit } уровня
    [many] { $limit } уровней
   *[other] { $limit } уровня
} (байт со смещением { $position })
error-binary-lockfile = { $file }: двоичное содержимое, а не lock-файл
error-binary-manifest = { $file }: двоичное содержимое, а не манифест
error-too-many-packages = { $file }: больше { $limit ->
    [one] { $limit } пакета
    [few] { $limit } пакетов
    [many] { $limit } пакетов
   *[other] { $limit } пакета
}; lock-файл не использовался

## Активность сопровождения

evidence-history-walk = { $count ->
    [one] { $count } коммит, достижимый из HEAD { $head }; авторы определены по адресу электронной почты с учётом .mailmap
    [few] { $count } коммита, достижимых из HEAD { $head }; авторы определены по адресу электронной почты с учётом .mailmap
    [many] { $count } коммитов, достижимых из HEAD { $head }; авторы определены по адресу электронной почты с учётом .mailmap
   *[other] { $count } коммита, достижимых из HEAD { $head }; авторы определены по адресу электронной почты с учётом .mailmap
}
evidence-last-commit = самый новый коммит по дате авторства
error-history-cut = { $count ->
    [one] история обрезана после { $count } коммита (достигнут предел или истекло время)
    [few] история обрезана после { $count } коммитов (достигнут предел или истекло время)
    [many] история обрезана после { $count } коммитов (достигнут предел или истекло время)
   *[other] история обрезана после { $count } коммита (достигнут предел или истекло время)
}

## Стоимость

evidence-cocomo-counting = { $files ->
    [one] учтён { $files } файл
    [few] учтено { $files } файла
    [many] учтено { $files } файлов
   *[other] учтено { $files } файла
} на HEAD { $head }; исключено: { $excluded } (сторонние, сгенерированные, lock-файлы); пропущено файлов больше 1 MiB: { $large }
error-too-many-source-files = число файлов исходного кода превышает { $limit }; остальные не учитывались

cost-method-basic-cocomo-organic = basic-cocomo-organic: трудозатраты = 2.4 * KSLOC^1.05 (человеко-месяцы), срок = 2.5 * трудозатраты^0.38 (месяцы), стоимость = трудозатраты * годовая зарплата/12 * коэффициент накладных расходов; строки кода подсчитаны инструментом tokei (без пустых строк и комментариев; форматы текстовых документов, данных и конфигурации, сторонние и минифицированные файлы исключены)

## Принципы и показатели: что найдено

evidence-file-present = файл есть
evidence-documentation-directory = папка с документацией
evidence-publiccode-valid = действительный publiccode.yml
evidence-no-proprietary-dependency = в dependsOn.proprietary нет обязательных зависимостей
evidence-osi-approved = лицензия { $license } одобрена OSI
evidence-osi-approved-files = лицензии во всех файлах лицензий одобрены OSI ({ $licenses })
evidence-no-known-vulnerabilities = { $packages ->
    [one] { $packages } зафиксированный пакет, затронутых нет (данные OSV от { $date })
    [few] { $packages } зафиксированных пакета, затронутых нет (данные OSV от { $date })
    [many] { $packages } зафиксированных пакетов, затронутых нет (данные OSV от { $date })
   *[other] { $packages } зафиксированного пакета, затронутых нет (данные OSV от { $date })
}
evidence-security-score = сводная оценка по образцу Scorecard: { $score }
evidence-active-maintainers = { $commits ->
    [one] { $commits } коммит
    [few] { $commits } коммита
    [many] { $commits } коммитов
   *[other] { $commits } коммита
} от { $people ->
    [one] { $people } человека
    [few] { $people } человек
    [many] { $people } человек
   *[other] { $people } человека
} за последние 365 дней

## Репозиторий в целом

error-tree-truncated = дерево HEAD превышает предел перечисления; последующие файлы не просмотрены
error-publiccode-not-regular = { $file }: не обычный файл (переход по символическим ссылкам не выполняется)
error-publiccode-invalid = { $file }:{ $line }:{ $column }: { $problem } (чтобы увидеть все ошибки, запустите `commons validate`)

## Определение открытого ИИ

evidence-ai-keyword = упоминает «{ $word }»
evidence-ai-weights-bytes = { $bytes ->
    [one] { $bytes } байт параметров модели
    [few] { $bytes } байта параметров модели
    [many] { $bytes } байт параметров модели
   *[other] { $bytes } байта параметров модели
}
evidence-model-card = карточка модели
error-model-card-binary = { $file }: двоичный файл, а не карточка модели
evidence-weights-file = файл весов
evidence-weights-license-restrictive = лицензия `{ $license }` в карточке модели ограничивает использование
evidence-weights-license-approved = лицензия `{ $license }` в карточке модели одобрена OSI
evidence-weights-license-unknown = лицензия `{ $license }` в карточке модели не является идентификатором SPDX лицензии, одобренной OSI
evidence-weights-repository-license = в карточке модели лицензия не указана; считается, что одобренная OSI лицензия репозитория распространяется на веса
evidence-training-code = код обучения
evidence-data-card = карточка данных / описание набора данных
evidence-model-card-training-data = карточка модели описывает обучающие данные

## Лицензия

evidence-license-text-match = текст совпадает с лицензией { $license } (Dice { $score })
evidence-license-near-copy-scores = лицензия { $copy }, почти дословная копия { $license } под другим названием, тоже получает оценку { $copyScore }; { $license } получает { $score } и выбирается
evidence-license-variant = лицензия { $license } — почти дословная копия { $common } под другим названием, и этот текст совпадает с { $license } точнее, чем с { $common }
evidence-license-statement = это не текст лицензии; в нём указана лицензия проекта: { $expression }
evidence-license-combination = файлы лицензий содержат { $licenses }, и ни publiccode.yml, ни манифест, ни README, ни заголовки исходных файлов не указывают, действуют ли они вместе (AND) или на выбор (OR)
evidence-project-declaration-states = { $field }: «{ $written }» задаёт { $expression }
evidence-project-declaration-names-file = { $field }: «{ $written }» указывает на { $file } как на текст лицензии
evidence-project-declaration-problem = { $field }: «{ $written }» не является выражением SPDX: { $problem }
evidence-project-declaration-none = { $field }: «{ $written }» не является выражением SPDX
license-file-symlink = символическая ссылка; переход по ссылкам не выполняется
license-file-not-regular = не обычный файл
license-file-binary = двоичный файл, а не текст лицензии (байт со смещением { $offset } не является текстом)
license-file-not-recognised = текст не распознан (ближайшая лицензия — { $candidate } с коэффициентом { $score }, ниже порога { $threshold })
license-file-no-match = текст не распознан (ни одна лицензия не достигает порога { $threshold })
error-license-file-symlink = { $file }: символическая ссылка; переход по ссылкам не выполняется
error-license-file-not-regular = { $file }: не обычный файл
error-license-file-binary = { $file }: двоичный файл, а не текст лицензии (байт со смещением { $offset } не является текстом)
error-license-file-not-recognised = { $file }: текст не распознан (ближайшая лицензия — { $candidate } с коэффициентом { $score }, ниже порога { $threshold })
error-license-file-no-match = { $file }: текст не распознан (ни одна лицензия не достигает порога { $threshold })
license-mismatch-files-unmentioned = файлы лицензий содержат { $licenses }, которые не упомянуты в legal.license ({ $declared })
license-mismatch-declared-invalid = legal.license ({ $declared }) не является допустимым выражением SPDX
license-mismatch-no-file = legal.license указан, но ни один файл лицензии не распознан
license-mismatch-project-declaration = поле { $field } файла { $file } указывает { $expression }, что не соответствует legal.license ({ $declared })
license-mismatch-files-unmentioned-by-project = файлы лицензий содержат { $licenses }, которые не упомянуты в поле { $field } файла { $file } ({ $expression })

## Что Commons ищет для каждого принципа и показателя (его правило)

rule-un-open-by-default = лицензия, одобренная OSI, и файл publiccode.yml
rule-un-contribute-back = руководство CONTRIBUTING (вклад в вышестоящие проекты заявляется издателем)
rule-un-secure-by-design = политика безопасности, инструмент обновления зависимостей и отсутствие известных уязвимостей в зафиксированных зависимостях
rule-un-inclusive-participation = кодекс поведения и руководство CONTRIBUTING
rule-un-design-for-reusability = publiccode.yml без обязательных проприетарных зависимостей
rule-un-provide-documentation = содержательный README, папка docs/ или ссылка на документацию в publiccode.yml
rule-un-rise = файл AUTHORS, CONTRIBUTORS, all-contributors или CITATION
rule-un-sustain-and-scale = коммиты за последний год от двух или более человек и сопровождение, заявленное в publiccode.yml
rule-dpg-sdg-relevance = заявляется издателем: цели в области устойчивого развития (ЦУР) и то, как программа способствует их достижению
rule-dpg-open-licensing = лицензия, одобренная OSI
rule-dpg-clear-ownership = legal.mainCopyrightOwner или legal.repoOwner в publiccode.yml либо метаданные REUSE
rule-dpg-platform-independence = отсутствие обязательных проприетарных зависимостей в publiccode.yml (dependsOn.proprietary)
rule-dpg-documentation = содержательный README, папка docs/ или ссылка на документацию в publiccode.yml
rule-dpg-data-extraction = заявляется издателем (импорт и экспорт в непроприетарных форматах) или неприменимо
rule-dpg-privacy-and-laws = подтверждается лицом, уполномоченным выступать от имени проекта
rule-dpg-standards-best-practices = метаданные publiccode.yml и оценка безопасности по образцу Scorecard не ниже 5
rule-dpg-do-no-harm = подтверждается лицом, уполномоченным выступать от имени проекта (конфиденциальность, контент, преследование)

## Проверки Scorecard, которые не вычисляются по копии репозитория, и почему

not-computed-Branch-Protection = правила защиты веток хранятся в настройках платформы (API администратора), а не в git
not-computed-Code-Review = рецензирование и одобрение принятых изменений — данные платформы
not-computed-Contributors = нужны сведения об организациях авторов из их профилей на платформе
not-computed-CII-Best-Practices = нужен API знаков OpenSSF Best Practices (доступ к сети)
not-computed-Webhooks = для чтения настроек веб-хуков нужен токен администратора платформы
not-computed-Packaging = оригинальный Scorecard также проверяет, что рабочий процесс публикации завершился успешно (API платформы)
not-computed-SBOM = половина балла приходится на файлы выпуска (API платформы); для половины, относящейся к исходному коду, пока не вычисляется
