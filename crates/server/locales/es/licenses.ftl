# La guía de licencias, en español (traducción de locales/en/licenses.ftl).

guide-title = Elegir y reutilizar licencias de código abierto
guide-intro = Toda licencia de código abierto le permite usar, estudiar, modificar y compartir el software. Se diferencian en lo que le piden cuando lo comparte y en las demás licencias con las que se pueden combinar. Esta guía explica las licencias más frecuentes en el catálogo.
guide-disclaimer = Esto es una orientación para decidir sobre la reutilización, no asesoramiento jurídico. Pida a su servicio jurídico una opinión definitiva.

## Families

family-permissive = Permisiva
family-permissive-explain = Puede usar, modificar y redistribuir el software, también dentro de software cerrado, siempre que conserve los avisos de derechos de autor y de licencia. La más fácil de reutilizar y combinar.
family-weak-copyleft = Copyleft débil
family-weak-copyleft-explain = Los cambios en los archivos (o la biblioteca) con licencia deben compartirse con la misma licencia cuando los distribuya; su propio código que solo los usa o se enlaza con ellos puede conservar su licencia.
family-strong-copyleft = Copyleft fuerte
family-strong-copyleft-explain = Si distribuye el software o una obra basada en él, toda la obra debe publicarse con la misma licencia y con su código fuente. Usarlo internamente sin distribuirlo no crea ninguna obligación.
family-network-copyleft = Copyleft de red
family-network-copyleft-explain = Como el copyleft fuerte; además, ofrecer el software a usuarios a través de una red (un servicio web) cuenta como distribución: debe ofrecerles el código fuente de su versión.
family-unknown = Desconocida
family-unknown-explain = Commons no pudo clasificar esta licencia. Consulte a su servicio jurídico antes de reutilizarla.

## Common licenses

license-MIT-summary = MIT: breve y permisiva.
license-MIT-obligations = Conserve el aviso de derechos de autor y el texto de la licencia en las copias.
license-MIT-combine = Se puede combinar con código bajo cualquier licencia, abierta o cerrada.

license-Apache-2_0-summary = Apache 2.0: permisiva, con una concesión explícita de patentes.
license-Apache-2_0-obligations = Conserve los avisos y el archivo NOTICE; indique los archivos que modificó. Los contribuyentes conceden una licencia de patentes, que termina para quien litigue por patentes sobre el software.
license-Apache-2_0-combine = Se puede combinar con la mayoría de las licencias, incluida la GPL-3.0 (no con la GPL-2.0-only).

license-BSD-3-Clause-summary = BSD 3-Clause: permisiva.
license-BSD-3-Clause-obligations = Conserve el aviso de derechos de autor y la exención de responsabilidad; no use el nombre de los autores para promocionar su producto.
license-BSD-3-Clause-combine = Se puede combinar con código bajo cualquier licencia.

license-BSD-2-Clause-summary = BSD 2-Clause: permisiva.
license-BSD-2-Clause-obligations = Conserve el aviso de derechos de autor y la exención de responsabilidad.
license-BSD-2-Clause-combine = Se puede combinar con código bajo cualquier licencia.

license-ISC-summary = ISC: permisiva, equivalente a MIT en la práctica.
license-ISC-obligations = Conserve el aviso de derechos de autor y el aviso de permiso.
license-ISC-combine = Se puede combinar con código bajo cualquier licencia.

license-MPL-2_0-summary = Mozilla Public License 2.0: copyleft débil, archivo por archivo.
license-MPL-2_0-obligations = Cuando distribuya, comparta con la MPL el código fuente de los archivos MPL que modificó. Sus propios archivos pueden tener cualquier licencia.
license-MPL-2_0-combine = Se puede combinar con código cerrado y, por defecto, con código GPL y LGPL.

license-LGPL-2_1-only-summary = GNU LGPL 2.1: copyleft débil para bibliotecas.
license-LGPL-2_1-only-obligations = Comparta con la LGPL los cambios en la biblioteca; permita a los usuarios sustituir la biblioteca en su producto (por ejemplo, mediante enlace dinámico).
license-LGPL-2_1-only-combine = Pueden usarla aplicaciones cerradas; los cambios en la biblioteca siguen bajo LGPL.

license-LGPL-3_0-only-summary = GNU LGPL 3.0: copyleft débil para bibliotecas.
license-LGPL-3_0-only-obligations = Como la LGPL 2.1, más la información de instalación para dispositivos de consumo.
license-LGPL-3_0-only-combine = Pueden usarla aplicaciones cerradas; los cambios en la biblioteca siguen bajo LGPL.

license-EPL-2_0-summary = Eclipse Public License 2.0: copyleft débil, por módulo.
license-EPL-2_0-obligations = Comparta el código fuente de los módulos EPL modificados cuando los distribuya.
license-EPL-2_0-combine = Se puede combinar con otro código en módulos separados; compatible con la GPL solo si se nombra la licencia secundaria.

license-GPL-2_0-only-summary = GNU GPL 2.0: copyleft fuerte.
license-GPL-2_0-only-obligations = Distribuya toda la obra bajo la GPL 2.0 con su código fuente.
license-GPL-2_0-only-combine = No es compatible con código Apache 2.0 ni GPL 3.0 (salvo «o posterior»).

license-GPL-3_0-only-summary = GNU GPL 3.0: copyleft fuerte.
license-GPL-3_0-only-obligations = Distribuya toda la obra bajo la GPL 3.0 con su código fuente y la información de instalación; incluye una concesión de patentes.
license-GPL-3_0-only-combine = Puede incluir código Apache 2.0, MIT, BSD, LGPL y MPL; el resultado queda bajo GPL 3.0.

license-AGPL-3_0-only-summary = GNU Affero GPL 3.0: copyleft de red.
license-AGPL-3_0-only-obligations = Como la GPL 3.0; además, si los usuarios interactúan con una versión modificada a través de una red, ofrézcales su código fuente.
license-AGPL-3_0-only-combine = Puede incluir código GPL 3.0 y permisivo; el resultado queda bajo AGPL 3.0.

license-EUPL-1_2-summary = Licencia Pública de la Unión Europea 1.2: copyleft, redactada para las administraciones públicas, oficial en todas las lenguas de la UE.
license-EUPL-1_2-obligations = Comparta con la EUPL el código fuente de la obra y de sus cambios cuando la distribuya o la ofrezca a través de una red.
license-EUPL-1_2-combine = Su cláusula de compatibilidad permite combinarla con código bajo GPL, LGPL, AGPL, MPL, EPL y otras licencias enumeradas, bajo esa otra licencia.

license-Unlicense-summary = The Unlicense: dedicación al dominio público.
license-Unlicense-obligations = Ninguna.
license-Unlicense-combine = Se puede combinar con código bajo cualquier licencia.

license-CC0-1_0-summary = CC0 1.0: dedicación al dominio público, usada a menudo para datos y documentación.
license-CC0-1_0-obligations = Ninguna (no concede derechos de patente: para código, prefiera otra licencia).
license-CC0-1_0-combine = Se puede combinar con cualquier cosa.

## Compatibility

compat-yes = Sí
compat-no = No
compat-depends = Depende (lea las notas)
compat-permissive-any = El código con licencia permisiva se puede incluir en obras bajo cualquier licencia.
compat-weak-closed = El código con copyleft débil lo puede usar software cerrado si sus propios archivos siguen bajo su licencia.
compat-strong-closed = El código con copyleft fuerte no se puede incluir en software cerrado que se distribuya.
compat-gpl2-gpl3 = El código GPL-2.0-only y el GPL-3.0 no se pueden combinar; «GPL-2.0-or-later» puede pasar a GPL-3.0.
compat-apache-gpl2 = El código Apache 2.0 no se puede incluir en obras GPL-2.0-only (cláusulas de patentes); sí en obras GPL-3.0.
compat-agpl-service = Si ofrece software AGPL como servicio público, publique sus cambios.
compat-eupl = Al combinarse, las obras EUPL pueden pasar a una licencia compatible enumerada en su anexo.

## Assessment statuses

license-mismatch = La licencia declarada en publiccode.yml y los archivos de licencia no coinciden.
license-not-recognised = El texto de la licencia no se reconoció con suficiente confianza; debe leerlo una persona.
license-osi-approved = Aprobada por la Open Source Initiative.
license-not-osi-approved = No aprobada por la Open Source Initiative.
