# Веб-интерфейс Commons — русский язык.

site-name = Commons — открытое ПО системы ООН
site-tagline = Программное обеспечение, которым делятся система ООН и государственные органы
skip-to-content = Перейти к основному содержанию
language-switcher = Язык
main-navigation = Основная навигация
nav-software = Программы
nav-organisations = Организации
nav-validate = Проверить publiccode.yml
nav-about = О каталоге
footer-text = Каталог программного обеспечения с открытым исходным кодом, опубликованного структурами Организации Объединенных Наций и другими государственными организациями с помощью файла publiccode.yml.
footer-api = Открытый API (JSON)

search-label = Поиск по каталогу
search-placeholder = Название, назначение или ключевое слово на любом языке
search-button = Найти

home-title = Найти программу для повторного использования
home-heading = Найдите открытое ПО для повторного использования
home-lead = Прежде чем разрабатывать, посмотрите, что уже создали и открыли для всех другие структуры ООН и государственные органы.
home-stats-software = { $count ->
    [one] { $count } программное решение
    [few] { $count } программных решения
   *[many] { $count } программных решений
}
home-stats-organisations = { $count ->
    [one] от { $count } организации
   *[other] от { $count } организаций
}
home-browse = Обзор
home-recent = Недавно обновленные
home-see-all = Все программы
home-publish-heading = Опубликуйте свою программу
home-publish-text = Добавьте файл publiccode.yml в свой репозиторий, и каталог его найдет. Сначала проверьте файл валидатором.

results-title = Каталог программ
results-title-query = Результаты по запросу «{ $query }»
results-count = { $count ->
    [0] Ничего не найдено
    [one] { $count } результат
    [few] { $count } результата
   *[many] { $count } результатов
}
results-none = По этому запросу ничего не найдено. Сократите запрос или уберите фильтр.
results-browse-all = Все программы каталога
filters = Фильтры
filters-active = Выбранные фильтры
filters-clear = Сбросить все фильтры
filter-remove = Убрать фильтр
filter-selected = Выбрано
facet-more = Показать еще { $count }
facet-organisation = Организация
facet-category = Категория
facet-license = Лицензия
facet-developmentStatus = Стадия разработки
facet-softwareType = Тип программы
facet-platform = Платформа
facet-maintenanceType = Сопровождение
facet-language = Язык
facet-country = Страна
facet-scope = Сектор
facet-licenseFamily = Семейство лицензий
facet-osiApproved = Лицензия одобрена OSI
facet-vitality = Активность сопровождения (жизнеспособность)
facet-securityScore = Оценка практик безопасности
facet-vulnerabilities = Известные уязвимости
facet-vulnerabilities-yes = Найдены
facet-vulnerabilities-no = Не найдены
sort-label = Сортировать
sort-relevance = По релевантности
sort-name = По названию
sort-updated = По дате обновления
sort-vitality = Активность сопровождения
sort-security = Практики безопасности
sort-apply = Применить
pagination = Страницы
page = Страница
page-previous = Назад
page-next = Далее
updated = Обновлено
details = Сведения

published-by = Опубликовано:
logo-of = Логотип { $name }
repository-link = Исходный код
website-link = Сайт
problem-heading = Последняя версия publiccode.yml этого проекта содержит ошибки
description = Описание
description-fallback = Это описание недоступно на русском языке. Язык описания: { $language }.
description-languages = Описание на других языках
features = Основные возможности
screenshots = Снимки экрана
screenshot-n = Снимок экрана { $count }
videos-awards = Видео и награды
maintenance = Сопровождение
maintenance-type = Сопровождает
contractors = Подрядчики
contract-until = договор до
contacts = Контакты
dependencies = Зависимости
dependency-name = Название
dependency-kind = Вид
dependency-versions = Версии
dependency-optional = Необязательная
dependency-open = Открытая
dependency-proprietary = Проприетарная
dependency-hardware = Оборудование
warnings = Предупреждения
warnings-text = Файл publiccode.yml действителен; эти замечания адресованы его сопровождающим.
history = История изменений
revision = Версия
revision-date = Дата
revision-commit = Коммит
revision-version = Версия стандарта
revision-status = Состояние
revision-live = действующая
revision-valid = Действительна
revision-errors = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[many] { $count } ошибок
}
revision-warnings = { $count ->
    [one] { $count } предупреждение
    [few] { $count } предупреждения
   *[many] { $count } предупреждений
}
at-a-glance = Кратко
repository = Репозиторий
version = Версия
release-date = Дата выпуска
license = Лицензия
copyright-owner = Правообладатель
repo-owner = Владелец репозитория
development-status = Стадия разработки
software-type = Тип программы
application-suite = Пакет
categories = Категории
platforms = Платформы
intended-audience = Секторы
countries = Страны
unsupported-countries = Не подходит для
available-languages = Языки интерфейса
localisation-ready = Готово к переводу
used-by = Используют
funded-by = Финансирование
supports = Поддерживает
based-on = Основано на
documentation = Документация
api-documentation = Документация API
roadmap = План развития
standard-version = Версия publiccode.yml
input-types = Входные форматы
output-types = Выходные форматы
it-platforms = Национальные платформы Италии
it-ipa-code = Код iPA (Италия)
yes = Да
no = Нет
line = Строка

organisations-title = Организации
organisations-lead = Структуры ООН и государственные органы, публикующие программы в этом каталоге.
software-count = { $count ->
    [0] нет программ
    [one] { $count } программное решение
    [few] { $count } программных решения
   *[many] { $count } программных решений
}
organisation-search = Поиск и фильтрация программ этой организации

validate-title = Проверить publiccode.yml
validate-lead = Проверьте файл publiccode.yml на соответствие стандарту перед публикацией. Отправленные данные не сохраняются.
validate-form = Ваш файл
validate-again = Проверить другую версию
validate-paste = Вставьте содержимое publiccode.yml
validate-paste-help = Текст YAML, не более 1 МиБ. Если вы также выберете файл, будет проверен файл.
validate-upload = Или загрузите файл
validate-button = Проверить
validate-valid = Файл действителен
validate-invalid = Файл недействителен
validate-errors = { $count ->
    [0] ошибок нет
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[many] { $count } ошибок
}
validate-warnings = { $count ->
    [0] предупреждений нет
    [one] { $count } предупреждение
    [few] { $count } предупреждения
   *[many] { $count } предупреждений
}
validate-excerpts = Ваш файл: строки рядом с каждой проблемой
validate-more = { $count ->
    [one] и ещё { $count } проблема, не показанная здесь
    [few] и ещё { $count } проблемы, не показанные здесь
   *[many] и ещё { $count } проблем, не показанных здесь
}
validate-not-echoed = Ваш файл слишком велик, чтобы снова показать его в этой форме: вставьте или выберите его ещё раз, чтобы проверить другую версию.
error = Ошибка
warning = Предупреждение

about-title = О каталоге
about-lead = Commons собирает программное обеспечение с открытым исходным кодом, опубликованное структурами ООН и другими государственными организациями, чтобы организация, ищущая решение, могла использовать готовое, а не оплачивать его повторную разработку.
about-how-heading = Как это работает
about-how-text = Организации описывают свои программы в файле publiccode.yml — открытом стандарте, — который размещается в корне репозитория. Каталог находит такие файлы на платформах размещения кода, проверяет их на соответствие стандарту и включает действительные на шести официальных языках Организации Объединенных Наций.
about-publish-heading = Как попасть в каталог
about-publish-text = Составьте файл publiccode.yml для своего проекта, проверьте его валидатором и опубликуйте в репозитории. Описания можно писать на нескольких языках; читатель видит то, что ближе к его языку.
about-data-heading = Открытые данные
about-data-text = Все содержимое каталога также доступно через открытый документированный API.

not-found-title = Страница не найдена
not-found-text = По этому адресу ничего нет. Возможно, страница перемещена или программа больше не включена в каталог.
bad-request-title = Не удалось понять запрос
bad-request-text = Часть адреса недействительна. Начните новый поиск.
forbidden-title = Срок действия формы истек
forbidden-text = В целях безопасности форму нужно отправлять со страницы этого сайта. Откройте страницу снова и повторите отправку.
server-error-title = Произошла ошибка
server-error-text = Каталог не смог ответить. Повторите попытку через некоторое время.
busy-title = Валидатор занят
busy-text = Сейчас проверяется слишком много файлов. Повторите попытку через несколько секунд.
too-many-requests-title = Слишком много запросов
too-many-requests-text = С этого адреса пришло больше запросов, чем каталог обслуживает для одного посетителя. Подождите немного и обновите страницу.
back-home = На главную страницу

nav-status = Состояние обхода
status-title = Состояние обхода: почему моего проекта нет в каталоге?
status-lead = Что робот каталога нашёл в репозиториях каждого издателя при последнем обходе и почему проект включён в каталог или нет.
status-url-label = Адрес репозитория
status-url-button = Проверить
status-url-help = Введите адрес своего репозитория (например, https://github.com/agency/project), чтобы увидеть его последние обходы.
status-empty-heading = Обход ещё не проводился
status-empty-text = Каталог включает проект, когда робот находит действительный publiccode.yml в корне ветки по умолчанию репозитория, расположенного в месте размещения (группа GitLab, организация GitHub, организация Gitea или git-репозиторий), которое объявил зарегистрированный издатель. Робот регулярно посещает эти места и записывает здесь, что нашёл в каждом репозитории.
status-empty-step-file = Напишите файл publiccode.yml с описанием проекта.
status-empty-step-validate = Проверьте его на соответствие стандарту перед публикацией:
status-empty-step-registry = Опубликуйте его в корне репозитория, в месте, которое ваша организация зарегистрировала в каталоге.
status-empty-step-crawl = При следующем обходе проект появится здесь с результатом, а затем в каталоге.
status-publishers = Издатели
status-publisher = Издатель
status-repositories = Репозитории
status-last-outcomes = Последний результат каждого репозитория
status-breadcrumb = Вы здесь
status-all-publishers = Все издатели
status-publisher-none = Робот пока не знает ни одного репозитория этого издателя.
status-repository-count = { $count ->
    [one] { $count } репозиторий
    [few] { $count } репозитория
   *[many] { $count } репозиториев
}
status-outcome = Последний результат
status-detail = Подробности
status-time = Время обхода (UTC)
status-entry = Запись в каталоге
status-see-entry = Открыть запись
status-not-listed = Не включён
status-what-to-do = Что можно сделать:
status-hosting = Найден в
status-aliases = Прежние адреса
status-recent-crawls = Последние обходы
status-unknown-heading = Робот никогда не видел этот репозиторий
status-unknown-text = Проверьте адрес, а затем убедитесь, что репозиторий находится в месте размещения, которое ваша организация зарегистрировала в каталоге. Репозитории за их пределами не посещаются.
status-guide-heading = Что означает каждый результат
outcome-none = Ещё не обходился
outcome-ok = В каталоге
outcome-ok-meaning = Прочитан действительный publiccode.yml: запись включена в каталог и актуальна.
outcome-ok-action = Ничего. Каждое изменение publiccode.yml, которое вы публикуете, учитывается при следующем обходе.
outcome-invalid = Недействительный файл
outcome-invalid-meaning = Файл publiccode.yml найден, но не соответствует стандарту. Если предыдущая версия была действительной, она остаётся в каталоге с предупреждением; иначе проект не включается.
outcome-invalid-action = Исправьте ошибки, указанные на странице репозитория (для каждой указаны строка и столбец), проверьте файл валидатором и опубликуйте его.
outcome-unreachable = Недоступен
outcome-unreachable-meaning = Репозиторий или его хостинг не ответил вовремя, вернул ошибку сервера или ограничил запросы робота. Последняя действительная версия остаётся в каталоге.
outcome-unreachable-action = Обычно ничего: при следующем обходе будет новая попытка. Если это повторяется, проверьте, что репозиторий публичный, а сервер доступен из интернета.
outcome-too-large = Слишком большой
outcome-too-large-meaning = Файл publiccode.yml (предел 1 МиБ) или загружаемые данные превысили допустимый для робота объём.
outcome-too-large-action = Сделайте publiccode.yml кратким: вынесите длинные тексты и изображения в отдельные файлы и укажите пути к ним.
outcome-not-found = Нет publiccode.yml
outcome-not-found-meaning = В корне ветки по умолчанию не найден publiccode.yml (или publiccode.yaml), либо репозиторий пуст.
outcome-not-found-action = Добавьте publiccode.yml в корень ветки по умолчанию. Если проект не предназначен для каталога, ничего делать не нужно.
outcome-skipped-unchanged = Без изменений
outcome-skipped-unchanged-meaning = С последнего обхода в репозитории ничего не изменилось, поэтому ничего не загружалось. Предыдущий результат остаётся в силе.
outcome-skipped-unchanged-action = Ничего. Опубликуйте изменение, и оно будет прочитано при следующем обходе.
outcome-refused = Отклонён
outcome-refused-meaning = Робот отклонил содержимое из соображений безопасности: например, publiccode.yml — символическая ссылка или подмодуль, репозиторий находится вне объявленного издателем размещения или перенаправление вело на другой хост.
outcome-refused-action = Прочитайте подробности: сделайте publiccode.yml обычным файлом репозитория или попросите свою организацию зарегистрировать место, где находится репозиторий.
outcome-gone = Удалён
outcome-gone-meaning = Репозитория больше нет там, где его размещает издатель. Запись и её история сохраняются с пометкой об удалении.
outcome-gone-action = Если репозиторий переехал, новый адрес будет найден при следующем обходе, если он находится в зарегистрированном месте; переименование на той же платформе сохраняет запись.
status-standing = Результат, который остаётся в силе, — с одного из прежних обходов:

assess-heading = Оценка
assess-intro = Что организации следует знать перед повторным использованием этой программы; вычислено автоматически по её репозиторию. Каждый результат сопровождается доказательствами.
assess-when = Дата оценки
assess-none = Эта программа ещё не оценивалась. Оценка вычисляется, когда каталог читает её репозиторий.
assess-evidence = Доказательства
assess-rule = Правило:
assess-method = Методика
assess-errors = Проверки, которые не удалось выполнить
assess-license-explain = Лицензия, найденная в файлах репозитория, в сравнении с лицензией, указанной в publiccode.yml.
assess-declared = Указана в publiccode.yml
assess-combination-unknown = Несколько лицензий, и проект не указывает, действуют ли они вместе или на выбор: см. файлы ниже.
assess-detected = Обнаружена в файлах
assess-agreement = Совпадение
assess-agreement-agree = Совпадают
assess-agreement-mismatch = Не совпадают
assess-agreement-unknown = Сравнить невозможно
assess-osi = Open Source Initiative
assess-family = Семейство
assess-license-guide = Руководство по лицензиям
assess-security = Практики безопасности
assess-security-explain = Проверки по образцу OpenSSF Scorecard, ограниченные тем, что видно в самом репозитории; каждая оценивается от 0 до 10 и взвешивается по риску. Это не официальный Scorecard.
assess-check = Проверка
assess-score = Балл
assess-risk = Риск
assess-reason = Почему
assess-differs = Измеряет нечто более узкое, чем одноимённая проверка Scorecard.
assess-inconclusive = Не определено
assess-inconclusive-note = Прочерк означает, что проверка неприменима или не дала результата.
assess-not-computed = Проверки Scorecard, которые не вычисляются, и почему
risk-critical = Критический
risk-high = Высокий
risk-medium = Средний
risk-low = Низкий
assess-vulnerabilities = Известные уязвимости
assess-vulnerabilities-explain = Версии зависимостей, зафиксированные в lock-файлах, сопоставлены с базой уязвимостей OSV, импортированной оператором каталога.
assess-vulnerabilities-count = { $count ->
    [0] Известных уязвимостей нет
    [one] { $count } известная уязвимость
    [few] { $count } известные уязвимости
   *[many] { $count } известных уязвимостей
}
assess-packages = { $count ->
    [one] проверен { $count } пакет
    [few] проверено { $count } пакета
   *[many] проверено { $count } пакетов
}
assess-not-evaluated = { $count ->
    [one] { $count } пакет не удалось оценить
    [few] { $count } пакета не удалось оценить
   *[many] { $count } пакетов не удалось оценить
}
assess-osv-as-of = Данные OSV от
assess-no-osv = Данные OSV не импортированы: уязвимости не проверялись.
assess-advisory = Бюллетень
assess-package = Пакет
assess-fixed-in = Исправлено в
assess-summary = Описание
assess-lockfiles = Прочитанные lock-файлы
assess-vitality = Активность сопровождения
assess-vitality-explain = Индекс жизнеспособности Developers Italia (от 0 до 100, за последние 60 дней), вычисляемый так же, как его вычисляет их краулер, чтобы цифры были сопоставимы: любой репозиторий получает не меньше 46, и учитывается каждый автор с первого коммита, поэтому заброшенный проект может получить высокую оценку. Смотрите его вместе с более наглядными показателями рядом.
vitality-commits = Коммиты за последние 90 / 365 дней
vitality-authors = Активные авторы за последние 90 / 365 дней
vitality-releases = Выпуски (последний)
vitality-bus-factor = Фактор автобуса (наименьшее число людей, сделавших половину коммитов за год)
vitality-days-since = Дней с последнего коммита
vitality-commits-total = Всего коммитов
assess-principles = Принципы ООН в области открытого исходного кода
assess-principles-explain = Каждый принцип либо выполнен (с найденными доказательствами), либо заявлен издателем, либо не выполнен, либо неприменим. Единого балла нет.
assess-dpg = Стандарт цифровых общественных благ
assess-dpg-explain = Девять показателей Стандарта цифровых общественных благ, каждый со статусом и доказательствами. Некоторые может только заявить издатель.
assess-ai = Определение открытого ИИ
assess-ai-explain = Похоже, что проект является системой ИИ: доступны ли на открытых условиях его параметры, код и сведения об обучающих данных?
assess-status-met = Выполнено
assess-status-declared = Заявлено
assess-status-missing = Не выполнено
assess-status-not-applicable = Неприменимо
assess-status-needs-review = Требует проверки
declared-by = Заявлено: { $by } ({ $role }), { $at }.
declared-by-without-role = Заявлено: { $by }, { $at }.
indicator-un-open-by-default = Открытость по умолчанию
indicator-un-contribute-back = Вклад в ответ
indicator-un-secure-by-design = Безопасность с этапа проектирования
indicator-un-inclusive-participation = Содействие инклюзивному участию и инновациям
indicator-un-design-for-reusability = Проектирование для повторного использования
indicator-un-provide-documentation = Предоставление документации
indicator-un-rise = RISE (признавать, поощрять, поддерживать и расширять возможности)
indicator-un-sustain-and-scale = Устойчивость и масштабирование
indicator-dpg-sdg-relevance = Значимость для Целей устойчивого развития
indicator-dpg-open-licensing = Использование одобренных открытых лицензий
indicator-dpg-clear-ownership = Ясность прав собственности
indicator-dpg-platform-independence = Независимость от платформ
indicator-dpg-documentation = Документация
indicator-dpg-data-extraction = Механизм извлечения данных и контента
indicator-dpg-privacy-and-laws = Соблюдение конфиденциальности и применимого законодательства
indicator-dpg-standards-best-practices = Соблюдение стандартов и передовой практики
indicator-dpg-do-no-harm = Не навреди — с этапа проектирования
indicator-parameters = Параметры (веса)
indicator-code = Код
indicator-data-information = Сведения об обучающих данных
assess-cost = Стоимость разработки заново и ценность повторного использования
assess-cost-explain = Во что обошлась бы повторная разработка этой программы: оценка по её объёму с помощью базовой модели COCOMO, рядом — число организаций, которые уже её используют.
cost-lines = Строк кода
cost-no-code = В этом репозитории не найдено исходного кода (только данные, документация или конфигурация), поэтому стоимость повторной разработки не показывается.
cost-effort = Трудозатраты (человеко-месяцы)
cost-schedule = Срок (месяцы)
cost-people = Средний размер команды
cost-used-by = Организаций-пользователей
cost-dependents = Записей каталога, основанных на ней
cost-languages = Языки
nav-licenses = Руководство по лицензиям
licenses-families = Семейства лицензий
licenses-common = Распространённые лицензии
licenses-compatibility = Сочетание лицензий
licenses-obligations = Что вы должны сделать
licenses-combine = Сочетание
licenses-contents = На этой странице
licenses-compatibility-lead = Можно ли включить код под одной лицензией в произведение под другой? Самые частые случаи:
licenses-code-under = Код под лицензией
licenses-included-in = Включается в произведение под лицензией
licenses-answer = Ответ
licenses-note = Почему
licenses-any-license = Любая лицензия, открытая или закрытая
licenses-closed-software = Распространяемая закрытая программа

# Federation: provenance on the software page, exports on the about page.
listed-via = Получено через
also-listed-in = Также в каталоге
listing-read = прочитано
about-export-heading = Экспорт и федерация
about-export-text = Другие каталоги, порталы данных и научные архивы могут читать этот каталог в форматах, которые они уже собирают. Каждый формат открыт и не требует учётной записи.
export-open-catalog = API Software Catalog
export-open-catalog-text = API, которым пользуются Developers Italia, швейцарский каталог и каталог открытого ПО ЕС: другие каталоги постранично читают каждую запись с её опубликованным файлом publiccode.yml. Этот каталог также читает через него своих партнёров.
export-dcat = DCAT-AP 3 (Turtle)
export-dcat-text = Весь каталог в виде связанных данных для порталов данных, таких как data.europa.eu: одна запись на каждую программу.
export-codemeta = CodeMeta (JSON-LD)
export-codemeta-text = Каждая запись, описанная словарём CodeMeta, для научных каталогов и архивов программного обеспечения.
export-dump = Полная выгрузка JSON
export-dump-text = Все опубликованные записи с исходными файлами publiccode.yml, для автономных зеркал и анализа.
export-atom = Ленты Atom
export-atom-text = Новые и изменённые записи, сначала самые свежие, для всего каталога и для каждой организации.
