"""The dossier's fixed words in French (see :mod:`caseapp.core.dossier.wording`)."""

from __future__ import annotations

FR: dict[str, str] = {
    "class.full": "CONFIDENTIEL",
    "class.public": "VERSION PUBLIQUE EXPURGÉE",
    "class.key": "CONFIDENTIEL — CLÉ DES PSEUDONYMES",
    "class.with": "{version} avec {annexes}",
    "annex.confidential.one": "annexe confidentielle {n}",
    "annex.confidential.many": "annexes confidentielles {n}",
    "annex.public.one": "annexe publique {n}",
    "annex.public.many": "annexes publiques {n}",
    "annex.sep": " ; ",
    "original": "Original : français",
    "cover.date": "Date : {date}",
    "cover.number": "N° : {number}",
    "title.default": "Communication au Procureur de la Cour pénale internationale en vertu de l'article 15 du "
    "Statut de Rome : {case}",
    "title.supplement": "Communication complémentaire au Procureur de la Cour pénale internationale en vertu de "
    "l'article 15 du Statut de Rome : {case}",
    "title.key": "Clé des pseudonymes",
    "short.key": "Clé des pseudonymes",
    "source": "Source : {sender}",
    "secure_contact": "Contact sécurisé : {contact}",
    "undertaking": "L'expéditeur s'engage à fournir des informations complémentaires sur demande et à faciliter "
    "l'accès aux victimes et aux témoins, sous réserve de leur consentement éclairé et de leur sécurité.",
    "fingerprint": "Empreinte de la clé de signature (OpenPGP) : {fp}",
    "situation.unnamed": "Situation non nommée par l'expéditeur",
    "sender.unnamed": "L'expéditeur",
    "contents": "Table des matières",
    "notes": "Notes",
    "draft": "[PROJET généré par caseapp : à relire et modifier avant l'envoi]",
    "page": "page {page} / {pages}",
    "and": " et ",
    "part.introduction": "Introduction",
    "part.summary": "Résumé",
    "part.facts": "Contexte factuel",
    "part.jurisdiction": "Compétence",
    "part.context": "Éléments contextuels",
    "part.charge": "{title} (article {ref})",
    "part.perpetrators": "Auteurs présumés et modes de responsabilité",
    "part.admissibility": "Recevabilité",
    "part.justice": "Intérêts de la justice",
    "part.methodology": "Protection des témoins et méthodologie",
    "part.conclusion": "Conclusion et demande",
    "part.index": "Index des éléments de preuve",
    "part.annexes": "Annexes",
    "part.key": "Clé des pseudonymes",
    "h.general": "Allégations générales",
    "h.incidents": "Incidents illustratifs",
    "h.subject": "Compétence matérielle",
    "h.temporal": "Compétence temporelle",
    "h.territorial": "Compétence territoriale ou personnelle",
    "h.partial": "Théorie de la territorialité partielle",
    "h.not_manifestly": "La situation ne sort pas manifestement de la compétence de la Cour",
    "h.caveats": "Réserves",
    "h.law": "Droit applicable",
    "h.facts": "Faits pertinents",
    "h.analysis": "Analyse",
    "h.conclusion": "Conclusion",
    "h.complementarity": "Complémentarité",
    "h.gravity": "Gravité",
    "h.collection": "Collecte",
    "h.integrity": "Intégrité et chaîne de possession",
    "h.protection": "Protection et expurgations",
    "ph.introduction": "À rédiger : qui envoie cette communication, sur quelle situation et pourquoi.",
    "ph.facts": "À rédiger : les allégations générales (le schéma d'ensemble des événements), distinctes des "
    "incidents illustratifs énumérés ci-dessous.",
    "ph.jurisdiction": "À rédiger : pourquoi la situation ne sort pas manifestement de la compétence de la Cour.",
    "ph.context": "À rédiger : le conflit armé (son existence et sa qualification) ou l'attaque généralisée ou "
    "systématique et la politique qui la sous-tend.",
    "ph.perpetrators": "À rédiger : le rôle, la fonction, l'unité et la hiérarchie de chaque auteur présumé.",
    "ph.complementarity": "À rédiger : les procédures nationales (ou leur absence) sur les mêmes faits, et tout signe "
    "de manque de volonté ou d'incapacité de mener l'enquête ou les poursuites (article 17(2) et (3)).",
    "ph.gravity": "À rédiger : l'ampleur, la nature, le mode opératoire et l'impact des crimes.",
    "ph.justice": "À rédiger : les intérêts et l'avis des victimes, et pourquoi il n'y a pas de raisons sérieuses de "
    "penser qu'une enquête ne servirait pas les intérêts de la justice (article 53(1)(c)).",
    "ph.methodology": "À rédiger : comment les informations ont été recueillies, par qui, avec quel consentement et "
    "quelles garanties.",
    "ph.conclusion": "À rédiger : ce que l'expéditeur demande au Procureur.",
    "ph.partial": "À rédiger : quel élément du crime, ou quelle partie de celui-ci, s'est produit sur le territoire "
    "de {states}.",
    "d.intro": "{sender} adresse la présente communication au Procureur de la Cour pénale internationale en vertu "
    "de l'article 15 du Statut de Rome. Elle concerne {situation} et présente des informations sur {crimes} commis "
    "lors de {incidents}.",
    "d.intro.structure": "La communication suit l'ordre de l'examen préliminaire : {list}.",
    "d.intro.j": "la compétence (partie {n})",
    "d.intro.crimes": "les crimes et les preuves de chacun de leurs éléments",
    "d.intro.a": "la recevabilité (partie {n})",
    "d.intro.i": "les intérêts de la justice (partie {n})",
    "d.summary.crimes": "Les informations font état de {count} crimes allégués : {list}.",
    "d.summary.period": "Les faits ont eu lieu entre le {start} et le {end}, à {places}.",
    "d.summary.period.one": "Les faits ont eu lieu le {start}, à {places}.",
    "d.summary.persons": "Auteurs présumés : {list}.",
    "d.summary.jurisdiction": "Au vu des informations disponibles, la situation ne sort pas manifestement de la "
    "compétence de la Cour (partie {part}).",
    "d.summary.request": "L'expéditeur demande au Procureur d'examiner ces informations en vertu de l'article 15 "
    "(partie {part}).",
    "d.summary.request.alone": "L'expéditeur demande au Procureur d'examiner ces informations en vertu de l'article "
    "15.",
    "d.facts": "{description}",
    "d.context": "Les crimes allégués partagent les éléments contextuels exposés ci-dessous ; un même ensemble de "
    "preuves de chaque contexte vaut pour tous les crimes qui l'exigent.",
    "d.perpetrators": "La communication désigne {count} auteurs présumés par pseudonyme : {list}.",
    "d.gravity": "Ampleur : {incidents} incidents entre le {start} et le {end}, à {places}. Nature : {crimes}.",
    "d.methodology": "Les informations se composent de {exhibits} éléments de preuve provenant de {sources} sources "
    "({kinds}) ; chaque source a été évaluée selon l'échelle de l'Amirauté (fiabilité A-F, crédibilité de "
    "l'information 1-6).",
    "d.conclusion": "Pour ces motifs, l'expéditeur prie respectueusement le Procureur d'examiner les informations de "
    "la présente communication, d'ouvrir un examen préliminaire sur {situation} portant sur {crimes}, de garder "
    "confidentielle l'identité de l'expéditeur, des victimes et des témoins, et de contacter l'expéditeur par le "
    "canal sécurisé indiqué en page de garde pour toute information complémentaire.",
    "d.analysis": "Sur les {total} éléments de cette charge, {counts}. Le tableau {table} présente chaque élément, "
    "ses preuves et son statut.",
    "d.conclusion.charge.ok": "Au vu des informations disponibles, chaque élément de {crime} est corroboré : il "
    "existe une base raisonnable de croire que le crime a été commis.",
    "d.conclusion.charge.gaps": "Au vu des informations disponibles, {crime} est étayé en partie ; ces éléments "
    "doivent encore être prouvés : {elements}.",
    "supplement": "La présente communication est complémentaire. Elle complète la communication envoyée le {date}"
    "{title}, dont le lot de preuves a pour empreinte SHA-256 du manifeste de balises {hash}, et n'ajoute que des "
    "informations nouvelles.",
    "incident": "Incident {n} : {title}. Date : {when}. Lieu : {place}",
    "incident.exhibits": "Éléments de preuve : ",
    "incident.charges": "Retenu dans : ",
    "incident.none": "aucun élément de preuve lié pour l'instant",
    "place.none": "non indiqué",
    "coordinates": " ({lat}, {lon}, précision : {precision})",
    "when.none": "non indiquée",
    "when.estimated": "vers le {date}",
    "when.range": "du {start} au {end}",
    "when.at": "{date} à {time}",
    "j.subject": "Les faits décrits dans la {part} sont qualifiés de {title} au sens de l'article {ref} du "
    "Statut de Rome, crime relevant de la compétence matérielle de la Cour (article 5).",
    "j.ground": "{title} ({status}) : {reason}",
    "j.applies": " S'applique à : {list}.",
    "j.variant": "{text} pour {answers}",
    "j.answer": "{crime}, faits du {date}",
    "j.within": "Les faits qualifiés de {crime} ne sortent pas manifestement de la compétence de la Cour, qui "
    "repose sur : {summary}.",
    "j.depends": "Les faits qualifiés de {crime} ne sortent pas manifestement de la compétence de la Cour, mais la "
    "possibilité pour la Cour d'agir dépend de questions ouvertes : {summary}.",
    "j.outside": "Selon les données dont dispose l'expéditeur, les faits qualifiés de {crime} pourraient sortir de "
    "la compétence de la Cour : {summary} L'expéditeur expose dans les paragraphes ci-dessus pourquoi le Bureau "
    "devrait néanmoins les examiner.",
    "j.none": "Aucune évaluation de la compétence n'a été faite pour les crimes allégués.",
    "j.partial": "L'expéditeur invoque la théorie de la territorialité partielle : au moins un élément du crime, ou "
    "une partie de celui-ci, s'est produit sur le territoire de {states}.",
    "j.data": "Données de compétence à jour au {date}.",
    "j.sources": "Sources : {list}.",
    "law.crime": "Article {ref} du Statut de Rome ({title}). Les Éléments des crimes exigent que :",
    "law.element": "{id} : {text}",
    "law.verification": "Texte des Éléments des crimes : {status}. {note}",
    "law.english": "Le catalogue ne contient que le texte anglais des Éléments des crimes ; il est cité en anglais.",
    "law.mental": "Sauf disposition contraire, les éléments matériels doivent être commis avec intention et "
    "connaissance (article 30).",
    "law.unavailable": "Le catalogue ne contient pas les éléments de ce crime.",
    "facts.incidents": "Cette charge concerne ",
    "facts.link": " {stance} l'élément {element} ({weight}, {basis}) : {reasoning}",
    "count": "{term} : {n}",
    "short.default": "Communication art. 15 : {case}",
    "incident.charge": "{charge} ({part})",
    "facts.none": "Aucune preuve acceptée n'est encore liée aux éléments de cette charge.",
    "table.caption": "Tableau {n} : éléments de {crime}. Sources : sources indépendantes des pièces à l'appui "
    "acceptées ; Cote : leur meilleure cote (échelle de l'Amirauté) ; Contraires : pièces contraires acceptées.",
    "col.element": "Élément",
    "col.status": "Statut",
    "col.supporting": "À l'appui",
    "col.contradicting": "Contraires",
    "col.sources": "Sources",
    "col.grade": "Cote",
    "awaiting": "{n} en attente de revue",
    "liability.row": "{suspect}, {mode}",
    "para": "par. {n}",
    "paras": "par. {n}",
    "part.ref": "partie {n}",
    "table.ref": "tableau {n}",
    "perp.mode": "{suspect} serait responsable de {crime} (",
    "perp.mode.tail": ") au titre de l'article {provision} ({mode}). Éléments de ce mode de responsabilité : {counts}.",
    "perp.unknown_mode": "un mode de responsabilité absent du catalogue",
    "perp.role": "Rôle : {role} ; protection : {protection}.",
    "m.hashed": "{hashed} des {total} éléments de preuve sont des fichiers ; chacun a été haché en SHA-256 lors de "
    "son entrée dans le dossier, et l'empreinte figure dans l'index des éléments de preuve afin que toute copie "
    "puisse être vérifiée avec un outil standard (sha256sum). Les {typed} autres éléments sont des fiches "
    "descriptives sans fichier.",
    "m.encrypted": "Le dossier est conservé chiffré : les fiches dans une base SQLCipher, les fichiers chiffrés avec "
    "age ; les originaux ne sont jamais modifiés et les copies expurgées sont des fichiers dérivés distincts.",
    "m.custody": "Chaque action sur le dossier est consignée dans un registre de chaîne de possession chaîné par "
    "empreintes de {n} entrées (annexe {annex}).",
    "m.custody.none": "Chaque action sur le dossier est consignée dans un registre de chaîne de possession chaîné par "
    "empreintes.",
    "m.persons": "Les personnes protégées ou confidentielles n'apparaissent dans cette communication que sous "
    "pseudonyme ({list}).",
    "m.persons.none": "Aucune personne protégée ou confidentielle n'est nommée dans le dossier.",
    "m.pseudonymised": "Les noms de personnes protégées saisis dans les fiches du dossier ont été remplacés par leur "
    "pseudonyme {n} fois : {fields}.",
    "m.pseudonymised.none": "Aucun nom de personne protégée n'a dû être remplacé dans les fiches du dossier.",
    "m.key": "La clé des pseudonymes est fournie séparément en annexe confidentielle {annex}.",
    "m.public": "Dans cette version publique expurgée, {withheld} éléments de preuve marqués sensibles sont énumérés "
    "sans leur contenu, et les coordonnées exactes, les noms de fichiers d'origine et les notes d'acquisition sont "
    "retirés ; chaque expurgation est signalée dans le texte.",
    "m.full": "Ceci est la version confidentielle intégrale ; une version publique expurgée est produite à partir de "
    "la même source.",
    "index.intro": "Chaque élément de preuve est indiqué avec son numéro d'annexe et l'empreinte SHA-256 de son "
    "fichier, afin que le Bureau puisse vérifier chaque fichier avec des outils standard. Dans le lot de preuves, le "
    "fichier est data/evidence/ suivi de son SHA-256 et de l'extension indiquée (par exemple "
    "data/evidence/<SHA-256>.jpg).",
    "detail.grade": "Cote : {grade}",
    "detail.sensitivity": "Sensibilité : {sensitivity}",
    "detail.redacted_copy": "transmis en copie expurgée :",
    "detail.bundle_ext": "fichier en {ext}",
    "col.exhibit": "Pièce",
    "col.annex": "Annexe",
    "col.description": "Titre et description",
    "col.grade_sens": "Cote, sensibilité",
    "col.hash": "SHA-256",
    "col.discussed": "Examiné aux",
    "col.content": "Contenu",
    "col.classification": "Classification",
    "no_file": "pas de fichier (fiche descriptive)",
    "detail.kind": "Type : {kind}",
    "detail.source": "Source : {source}",
    "detail.original": "Nom de fichier d'origine : ",
    "detail.captured": "Prise de vue : {captured}",
    "detail.coordinates": "Coordonnées : ",
    "detail.acquired": "Acquis le : {date}",
    "detail.note": "Note d'acquisition : ",
    "annexes.intro": "Les annexes sont numérotées ; chacune a sa propre classification.",
    "annex.exhibit": "Pièce {ref} : ",
    "annex.custody": "Registre de chaîne de possession du dossier ({n} entrées), en JSON et en texte lisible",
    "annex.key": "Clé des pseudonymes (produite séparément)",
    "annex.status.confidential": "Confidentielle",
    "annex.status.public": "Publique",
    "ungraded": "non évaluée",
    "none": "—",
    "r.exhibit": "[EXPURGÉ : élément sensible, contenu retiré]",
    "r.quote": "[EXPURGÉ : extrait d'un élément sensible]",
    "r.coordinates": "[EXPURGÉ : lieu exact]",
    "r.original": "[EXPURGÉ : nom de fichier d'origine]",
    "r.note": "[EXPURGÉ : note d'acquisition]",
    "r.path": "[EXPURGÉ : absent du lot public]",
    "key.intro": "Cette annexe donne l'identité correspondant à chaque pseudonyme utilisé dans la communication du "
    "{date}. Elle est confidentielle : elle ne doit être ni divulguée, ni copiée dans la version publique, ni "
    "conservée avec elle.",
    "col.pseudonym": "Pseudonyme",
    "col.name": "Nom complet",
    "col.role": "Rôle",
    "col.protection": "Protection",
    "col.person": "Description",
    "key.aliases": "alias {aliases}",
    "key.born": "né(e) le {date}",
    "key.contact": "contact : {contact}",
    "key.caption": "Tableau 1 : pseudonymes et identités",
}


FR_TERMS: dict[str, str] = {
    "corroborated": "corroboré",
    "weak": "faible",
    "contested": "contesté",
    "unaddressed": "non traité",
    "met": "remplie",
    "not met": "non remplie",
    "uncertain": "incertaine",
    "supports": "étaye",
    "contradicts": "contredit",
    "context": "éclaire le contexte de",
    "certain": "certain",
    "likely": "probable",
    "maybe": "possible",
    "observed": "constaté",
    "alleged": "allégué",
    "none": "aucune",
    "personal_data": "données personnelles",
    "graphic": "contenu choquant",
    "protected_person": "personne protégée",
    "document": "document",
    "image": "image",
    "video": "vidéo",
    "audio": "audio",
    "testimony": "témoignage",
    "physical": "objet physique",
    "other": "autre",
    "victim": "victime",
    "witness": "témoin",
    "suspect": "suspect",
    "confidential": "confidentielle",
    "protected": "protégée",
    "exact": "exacte",
    "vicinity": "environs",
    "locality": "localité",
    "region": "région",
    "unknown": "inconnue",
}

# The gap matrix's reasons (caseapp.core.legal.gaps.cell_status) and the verification labels of the
# catalogue, in French; unknown text stays as it is.
FR_PHRASES = (
    ("no accepted evidence", "aucune preuve acceptée"),
    ("one independent source", "une seule source indépendante"),
    ("only grades D-F or 4-6 (or ungraded)", "seulement des cotes D-F ou 4-6 (ou aucune cote)"),
    ('only "maybe"', "seulement « possible »"),
    ("contradicted by", "contredit par"),
    ("independent sources", "sources indépendantes"),
    ("spot-checked against an independent source", "vérifié par sondage auprès d'une source indépendante"),
    ("taken from a cited secondary source", "tiré d'une source secondaire citée"),
    ("partly verified", "partiellement vérifié"),
    ("unverified transcription", "transcription non vérifiée"),
    ("elements not available in the catalogue", "éléments absents du catalogue"),
    ("elements not available", "éléments non disponibles"),
    ("characters", "caractères"),
    ("region", "zone"),
)
