# Диагностические сообщения валидатора (commons-publiccode) на русском языке. Английский текст
# каждого сообщения хранится в его поле `message` рядом с идентификатором и аргументами.
# Аргументы: $field — ключ стандарта (`license`, `categories[2]`); $value, $key, $code
# и $version — текст из файла в том виде, как он написан; числа — количества и размеры.

## Файл в целом

validator-file-too-large = файл слишком велик для publiccode.yml: размер в байтах — { $size }, допустимо не более { $max }
validator-invalid-utf8 = Недопустимый UTF-8: байт со смещением { $offset } не является допустимым UTF-8 (сохраните файл в кодировке UTF-8)
validator-nul-bytes = файл содержит байты NUL: похоже, это двоичный файл, а не YAML
validator-empty-file = publiccodeYmlVersion — обязательное поле (файл пуст)
validator-not-a-mapping = документ должен быть отображением ключей (publiccodeYmlVersion: ..., name: ...)
validator-stopped = проверка была остановлена до завершения
validator-more-problems-not-listed = и ещё не показанные проблемы: { $total } (ошибок: { $errors }, предупреждений: { $warnings }); показаны только первые { $listed } — исправьте их и проверьте файл снова

## Синтаксис YAML ($detail — собственное описание ошибки от синтаксического анализатора YAML, на английском языке)

validator-yaml-syntax = Синтаксическая ошибка YAML: { $detail }
validator-yaml-multiple-documents = Синтаксическая ошибка YAML: несколько документов YAML в одном файле не поддерживаются
validator-yaml-too-deep = Синтаксическая ошибка YAML: глубина вложенности превышает { $max ->
        [one] { $max } уровень
        [few] { $max } уровня
        [many] { $max } уровней
       *[other] { $max } уровня
    }
validator-yaml-too-many-nodes = Синтаксическая ошибка YAML: в документе больше { $max ->
        [one] { $max } узла
        [few] { $max } узлов
        [many] { $max } узлов
       *[other] { $max } узла
    } (ключей, значений и элементов списков; узлы значения псевдонима учитываются при каждом его использовании)
validator-yaml-aliases-too-large = Синтаксическая ошибка YAML: псевдонимы разворачиваются в текст длиннее { $max ->
        [one] { $max } байта
        [few] { $max } байт
        [many] { $max } байт
       *[other] { $max } байта
    } (возможно, псевдоним слишком часто повторяет большое значение?)
validator-yaml-unknown-anchor = Синтаксическая ошибка YAML: псевдоним ссылается на неизвестный якорь
validator-yaml-key-not-scalar = Синтаксическая ошибка YAML: ключ отображения должен быть простым значением, а не списком или отображением
validator-yaml-duplicate-key = Синтаксическая ошибка YAML: повторяющийся ключ "{ $key }": каждый ключ может встречаться только один раз

## publiccodeYmlVersion

validator-version-missing = publiccodeYmlVersion — обязательное поле (напишите publiccodeYmlVersion: "0")
validator-version-not-text = неверный тип значения поля: publiccodeYmlVersion должно быть текстом; заключите значение в кавычки (publiccodeYmlVersion: "0")
validator-version-unsupported = неподдерживаемая версия: '{ $version }'. Поддерживаемые версии: { $supported }
validator-version-not-latest = v{ $version } — не последняя версия, используйте '0'. Файл разбирается как v{ $latest }.

## Типы и ключи (что требуется для ключа, затем что содержится в файле)

validator-wrong-type = неверный тип значения поля
validator-wrong-type-mapping-list = неверный тип значения поля: ожидалось отображение, найден список
validator-wrong-type-mapping-text = неверный тип значения поля: ожидалось отображение, найден текст
validator-wrong-type-mapping-boolean = неверный тип значения поля: ожидалось отображение, найдено логическое значение
validator-wrong-type-mapping-number = неверный тип значения поля: ожидалось отображение, найдено число
validator-wrong-type-text-list = неверный тип значения поля: ожидался текст, найден список
validator-wrong-type-text-mapping = неверный тип значения поля: ожидался текст, найдено отображение
validator-wrong-type-boolean-text = неверный тип значения поля: ожидалось true или false, найден текст (пишите true или false без кавычек; в YAML 1.2 yes/no/on/off — это текст)
validator-wrong-type-boolean-number = неверный тип значения поля: ожидалось true или false, найдено число
validator-wrong-type-boolean-list = неверный тип значения поля: ожидалось true или false, найден список
validator-wrong-type-boolean-mapping = неверный тип значения поля: ожидалось true или false, найдено отображение
validator-wrong-type-list-mapping = неверный тип значения поля: ожидался список, найдено отображение
validator-wrong-type-list-text = неверный тип значения поля: ожидался список, найден текст
validator-wrong-type-list-boolean = неверный тип значения поля: ожидался список, найдено логическое значение
validator-wrong-type-list-number = неверный тип значения поля: ожидался список, найдено число
validator-unknown-field = неизвестное поле "{ $field }": в стандарте здесь нет такого ключа (проверьте написание и регистр букв)

## Значения (правила стандарта)

validator-required = { $field } — обязательное поле
# $choices — допустимые значения, кроме последнего, в кавычках и через запятую ("a", "b"); $last — последнее значение ("c").
validator-one-of = значение поля { $field } должно быть одним из следующих: { $choices } или { $last }
validator-not-http-url = поле { $field } должно содержать URL-адрес HTTP (http:// или https:// с именем хоста), а не '{ $value }'
validator-not-a-date = поле { $field } должно содержать дату в формате 'YYYY-MM-DD', а не '{ $value }'
validator-not-an-email = поле { $field } должно содержать действительный адрес электронной почты
validator-too-long = поле { $field } должно содержать не более { $max ->
        [one] { $max } символа
        [few] { $max } символов
        [many] { $max } символов
       *[other] { $max } символа
    } (сейчас: { $length })
validator-too-short = поле { $field } должно содержать не менее { $min ->
        [one] { $min } символа
        [few] { $min } символов
        [many] { $min } символов
       *[other] { $min } символа
    } (сейчас: { $length })
validator-url-invalid = поле url должно содержать действительный URL, а не '{ $value }'
validator-not-a-url = поле { $field } должно содержать действительный URL
validator-not-a-mime-type = значение поля { $field } не является допустимым типом MIME
validator-platforms-empty = поле platforms должно содержать хотя бы один элемент (например: web, linux, windows, mac, android, ios)
validator-unknown-category = поле { $field } должно содержать допустимую категорию, а '{ $value }' ею не является (см. https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)
validator-unknown-alias = поле id содержит неизвестный псевдоним '{ $value }' (см. https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)
validator-support-id-invalid = поле id должно содержать известный псевдоним ('alias:<name>') или действительный URI (URL или URN)
validator-organisation-uri-invalid = значение поля uri не является действительным URI: укажите URL веб-сайта организации или URN
validator-organisation-uri-ipa = поле uri должно содержать действительный код итальянской государственной администрации (iPA) в формате 'urn:x-italian-pa:[codiceIPA]' (см. https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-unknown-scope = поле { $field } должно содержать допустимый сектор, а '{ $value }' им не является (см. https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)
validator-not-a-country = поле { $field } должно содержать действительный двухбуквенный код страны ISO 3166-1 alpha-2, а '{ $value }' им не является
validator-description-empty = поле description должно содержать хотя бы один элемент: опишите программу хотя бы на одном языке
validator-description-language = ключи поля description должны быть допустимыми кодами языков BCP 47, а '{ $value }' им не является (пишите en, en-GB, fr, zh-Hans, ...)
validator-features-empty = поле features должно содержать хотя бы один элемент: перечислите основные функции программы
validator-video-not-http-url = поле { $field } должно содержать URL-адрес HTTP
validator-video-not-oembed = '{ $value }' не является действительным URL видео с поддержкой oEmbed: дайте ссылку на страницу видео на такой платформе, как YouTube, Vimeo, Dailymotion или PeerTube
validator-license-invalid = поле license должно содержать действительную лицензию, а '{ $value }' не является выражением SPDX (идентификаторы см. на https://spdx.org/licenses; они объединяются с помощью AND, OR, WITH)
# $type — тип сопровождения в том виде, как он записан в стандарте: community или internal.
validator-contacts-required = contacts — обязательное поле, если "type" имеет значение "{ $type }"
validator-contractors-required = contractors — обязательное поле, если "type" имеет значение "contract"
validator-contractors-not-allowed = поле contractors допускается, только если "type" имеет значение "contract"
validator-localisation-ready-required = localisationReady — обязательное поле (true или false)
validator-available-languages-empty = поле availableLanguages должно содержать хотя бы один элемент
validator-not-a-language = поле { $field } должно содержать допустимый код языка BCP 47, а '{ $value }' им не является
# Ключ (logo, screenshots, authorsFile) показывается рядом с сообщением.
validator-absolute-path = является абсолютным путём. Допускаются только относительные пути или URL-адреса HTTP(s)
validator-file-url = является URL-адресом file://. Допускаются только относительные пути или URL-адреса HTTP(s)
validator-codice-ipa-invalid = поле codiceIPA должно содержать действительный код итальянской государственной администрации (iPA) (см. https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)
validator-it-duplicate = ключ 'IT' уже есть. Удалите этот ключ

## Устаревшие элементы (предупреждения)

validator-deprecated-drop = Этот ключ УСТАРЕЛ и в будущем будет удалён. Его можно спокойно убрать
# $key — ключ, который следует использовать вместо него (logo, organisation.name).
validator-deprecated-use = Этот ключ УСТАРЕЛ и в будущем будет удалён. Используйте вместо него '{ $key }'
validator-country-lowercase = Коды стран строчными буквами УСТАРЕЛИ. Используйте прописные буквы ('{ $code }')
validator-it-lowercase = Коды стран строчными буквами УСТАРЕЛИ, и в будущем их поддержка будет прекращена. Используйте 'IT'
validator-codice-ipa-deprecated = Этот ключ УСТАРЕЛ и в будущем будет удалён. Используйте вместо него 'organisation.uri' со значением 'urn:x-italian-pa:{ $code }'
