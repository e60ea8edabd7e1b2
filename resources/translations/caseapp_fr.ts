<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>Basis</name>
        <message>
            <source>alleged</source>
            <translation>allégué</translation>
        </message>
        <message>
            <source>observed</source>
            <translation>observé</translation>
        </message>
    </context>
    <context>
        <name>BundleDialog</name>
        <message>
            <source>A public bundle carries the public version only; the key annex never goes into a bundle.</source>
            <translation>Un lot public ne contient que la version publique ; l'annexe des identités n'entre jamais dans un lot.</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Export the evidence bundle</source>
            <translation>Exporter le lot de preuves</translation>
        </message>
        <message>
            <source>Full (confidential): every exhibit's original file</source>
            <translation>Complet (confidentiel) : le fichier original de chaque pièce</translation>
        </message>
        <message>
            <source>Include the dossier (PDF and DOCX), in</source>
            <translation>Joindre le dossier (PDF et DOCX), en</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Non signé</translation>
        </message>
        <message>
            <source>One bundle, not split</source>
            <translation>Un seul lot, non découpé</translation>
        </message>
        <message>
            <source>Part size</source>
            <translation>Taille des parties</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>Parties</translation>
        </message>
        <message>
            <source>Parts of another size…</source>
            <translation>Parties d'une autre taille…</translation>
        </message>
        <message>
            <source>Parts of at most 2 GB</source>
            <translation>Parties de 2 Go au plus</translation>
        </message>
        <message>
            <source>Parts of at most 500 MB</source>
            <translation>Parties de 500 Mo au plus</translation>
        </message>
        <message>
            <source>Public: public fields only, sensitive files left out, redacted copies sent</source>
            <translation>Public : champs publics seulement, fichiers sensibles exclus, copies caviardées envoyées</translation>
        </message>
        <message>
            <source>Reading the organisation's key…</source>
            <translation>Lecture de la clé de l'organisation…</translation>
        </message>
        <message>
            <source>Sign it with the organisation's key</source>
            <translation>Le signer avec la clé de l'organisation</translation>
        </message>
        <message>
            <source>Signed by key {fingerprint}</source>
            <translation>Signé par la clé {fingerprint}</translation>
        </message>
        <message>
            <source>The organisation's key: {fingerprint}</source>
            <translation>La clé de l'organisation : {fingerprint}</translation>
        </message>
        <message>
            <source>This case has no signing key yet: one will be made, kept in the case and recorded in custody.</source>
            <translation>Cette affaire n'a pas encore de clé de signature : une clé sera créée, gardée dans l'affaire et inscrite au registre de la chaîne de possession.</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Writing the dossier: {name}</source>
            <translation>Écriture du dossier : {name}</translation>
        </message>
        <message>
            <source>e.g. 700M or 1.5G</source>
            <translation>p. ex. 700M ou 1.5G</translation>
        </message>
        <message>
            <source>the bag</source>
            <translation>le sac</translation>
        </message>
        <message>
            <source>{done} of {total}: {name}</source>
            <translation>{done} sur {total} : {name}</translation>
        </message>
        <message>
            <source>{part}: {files} files, {size}; its tag manifest's SHA-256:</source>
            <translation>{part} : {files} fichiers, {size} ; SHA-256 de son manifeste des étiquettes :</translation>
        </message>
        <message>
            <source>{sent} exhibit file(s) sent, {withheld} listed without their file</source>
            <translation>{sent} fichier(s) de pièces envoyé(s), {withheld} listé(s) sans leur fichier</translation>
        </message>
    </context>
    <context>
        <name>CatalogueView</name>
        <message>
            <source>Article {n}</source>
            <translation>Article {n}</translation>
        </message>
        <message>
            <source>Articles 25 and 28</source>
            <translation>Articles 25 et 28</translation>
        </message>
        <message>
            <source>Element details</source>
            <translation>Détails de l'élément</translation>
        </message>
        <message>
            <source>Footnotes</source>
            <translation>Notes de bas de page</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>Introduction</translation>
        </message>
        <message>
            <source>Legal catalogue</source>
            <translation>Catalogue juridique</translation>
        </message>
        <message>
            <source>Link the selected exhibits to {id}…</source>
            <translation>Lier les pièces sélectionnées à {id}…</translation>
        </message>
        <message>
            <source>Linked exhibits</source>
            <translation>Pièces liées</translation>
        </message>
        <message>
            <source>Modes of liability</source>
            <translation>Modes de responsabilité</translation>
        </message>
        <message>
            <source>No exhibit is linked yet.</source>
            <translation>Aucune pièce n’est encore liée.</translation>
        </message>
        <message>
            <source>Nothing matches.</source>
            <translation>Aucun résultat.</translation>
        </message>
        <message>
            <source>Search crimes and elements, in English, French or Arabic (Enter)</source>
            <translation>Rechercher crimes et éléments, en anglais, français ou arabe (Entrée)</translation>
        </message>
        <message>
            <source>Search the catalogue</source>
            <translation>Rechercher dans le catalogue</translation>
        </message>
        <message>
            <source>Shared context</source>
            <translation>Contexte commun</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>The catalogue's texts are in English only. The search also understands everyday words in French and Arabic. Drop exhibits on an element to link them to it.</source>
            <translation>Les textes du catalogue sont en anglais uniquement. La recherche comprend aussi des mots courants en français et en arabe. Déposez des pièces sur un élément pour les y lier.</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>[contextual] </source>
            <translation>[contextuel] </translation>
        </message>
        <message>
            <source>contextual element</source>
            <translation>élément contextuel</translation>
        </message>
        <message>
            <source>element</source>
            <translation>élément</translation>
        </message>
        <message>
            <source>elements not available</source>
            <translation>éléments non disponibles</translation>
        </message>
        <message>
            <source>partly verified</source>
            <translation>partiellement vérifié</translation>
        </message>
        <message>
            <source>shared contextual element</source>
            <translation>élément contextuel commun</translation>
        </message>
        <message>
            <source>spot-checked against an independent source</source>
            <translation>vérifié par sondage sur une source indépendante</translation>
        </message>
        <message>
            <source>taken from a cited secondary source</source>
            <translation>repris d’une source secondaire citée</translation>
        </message>
        <message>
            <source>unverified transcription</source>
            <translation>transcription non vérifiée</translation>
        </message>
        <message>
            <source>{n} crime(s) match</source>
            <translation>{n} crime(s) correspondent</translation>
        </message>
    </context>
    <context>
        <name>ChargeStatus</name>
        <message>
            <source>draft</source>
            <translation>brouillon</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>prête</translation>
        </message>
        <message>
            <source>supported</source>
            <translation>étayée</translation>
        </message>
    </context>
    <context>
        <name>ChargesView</name>
        <message>
            <source>Add a charge</source>
            <translation>Ajouter une charge</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <source>Charge</source>
            <translation>Charge</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>Crime</translation>
        </message>
        <message>
            <source>Edit {ref}</source>
            <translation>Modifier {ref}</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Incidents</translation>
        </message>
        <message>
            <source>Incidents covered</source>
            <translation>Incidents couverts</translation>
        </message>
        <message>
            <source>Legal analysis</source>
            <translation>Analyse juridique</translation>
        </message>
        <message>
            <source>Mode of liability</source>
            <translation>Mode de responsabilité</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Motif de la modification</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Suspects</source>
            <translation>Suspects</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <source>Why is it changed? (kept in the custody log)</source>
            <translation>Pourquoi la modifier ? (conservé dans le registre de la chaîne de possession)</translation>
        </message>
        <message>
            <source>{ref}: no warning.</source>
            <translation>{ref} : aucun avertissement.</translation>
        </message>
    </context>
    <context>
        <name>ConsentScope</name>
        <message>
            <source>NGOs</source>
            <translation>les ONG</translation>
        </message>
        <message>
            <source>other courts</source>
            <translation>d'autres juridictions</translation>
        </message>
        <message>
            <source>the ICC</source>
            <translation>la CPI</translation>
        </message>
        <message>
            <source>the public</source>
            <translation>le public</translation>
        </message>
    </context>
    <context>
        <name>ConsentState</name>
        <message>
            <source>given</source>
            <translation>donné</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>retiré</translation>
        </message>
    </context>
    <context>
        <name>CreateCaseDialog</name>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Case folder</source>
            <translation>Dossier de l'affaire</translation>
        </message>
        <message>
            <source>Create a case</source>
            <translation>Créer une affaire</translation>
        </message>
        <message>
            <source>Create the case</source>
            <translation>Créer l'affaire</translation>
        </message>
        <message>
            <source>Creating the case…</source>
            <translation>Création de l'affaire…</translation>
        </message>
        <message>
            <source>I have written it down</source>
            <translation>Je l'ai noté</translation>
        </message>
        <message>
            <source>New case folder</source>
            <translation>Nouveau dossier d'affaire</translation>
        </message>
        <message>
            <source>Open the case</source>
            <translation>Ouvrir l'affaire</translation>
        </message>
        <message>
            <source>That does not match the code above.</source>
            <translation>Cela ne correspond pas au code ci-dessus.</translation>
        </message>
        <message>
            <source>This is the case's recovery code. It is shown only now. Write it on paper and keep it apart from this computer: with it, anyone can open the case; without it and the passphrase, nobody can, not even you.</source>
            <translation>Voici le code de récupération de l'affaire. Il n'est affiché que maintenant. Écrivez-le sur papier et gardez-le à l'écart de cet ordinateur : avec lui, n'importe qui peut ouvrir l'affaire ; sans lui ni la phrase de passe, personne ne le peut, pas même vous.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>To check, type group {a} and group {b} of the code (counting from the left):</source>
            <translation>Pour vérifier, tapez le groupe {a} et le groupe {b} du code (en comptant depuis la gauche) :</translation>
        </message>
        <message>
            <source>defaults to the folder's name</source>
            <translation>par défaut, le nom du dossier</translation>
        </message>
    </context>
    <context>
        <name>CustodyFilter</name>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Every action</source>
            <translation>Toutes les actions</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filtrer</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>From (YYYY-MM-DD)</source>
            <translation>Du (AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>From day (UTC)</source>
            <translation>Premier jour (UTC)</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Fiche</translation>
        </message>
        <message>
            <source>Record, e.g. EX-3</source>
            <translation>Fiche, p. ex. EX-3</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Tout afficher</translation>
        </message>
        <message>
            <source>The last day is before the first day; swap them.</source>
            <translation>Le dernier jour précède le premier ; inversez-les.</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>To (YYYY-MM-DD)</source>
            <translation>Au (AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>To day (UTC)</source>
            <translation>Dernier jour (UTC)</translation>
        </message>
        <message>
            <source>{what}: “{text}” is not a day; write it as YYYY-MM-DD.</source>
            <translation>{what} : « {text} » n'est pas une date ; écrivez-la sous la forme AAAA-MM-JJ.</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>(hidden: aliases, date of birth and contact show after Reveal identity)</source>
            <translation>(masqués : alias, date de naissance et contact s'affichent après « Révéler l'identité »)</translation>
        </message>
        <message>
            <source>(hidden: use Reveal identity)</source>
            <translation>(masqué : utilisez « Révéler l'identité »)</translation>
        </message>
        <message>
            <source>Acquisitions</source>
            <translation>Acquisitions</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Saisi le</translation>
        </message>
        <message>
            <source>Choose an exhibit or a record to see its details here.</source>
            <translation>Choisissez une pièce ou un enregistrement pour en voir ici le détail.</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Coordonnées</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Supprimé</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Entry hash</source>
            <translation>Empreinte de l'entrée</translation>
        </message>
        <message>
            <source>Grading</source>
            <translation>Cotation</translation>
        </message>
        <message>
            <source>Hashes</source>
            <translation>Empreintes</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <source>Import warnings</source>
            <translation>Avertissements d'import</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Liens</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>Métadonnées</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Original name</source>
            <translation>Nom d'origine</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Précision</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>Protection</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risque</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Sensitivity</source>
            <translation>Sensibilité</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Jusqu'au</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>Date (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Qui</translation>
        </message>
        <message>
            <source>extracted text SHA-256</source>
            <translation>SHA-256 du texte extrait</translation>
        </message>
        <message>
            <source>none recorded</source>
            <translation>aucun enregistré</translation>
        </message>
        <message>
            <source>thumbnail SHA-256</source>
            <translation>SHA-256 de la vignette</translation>
        </message>
        <message>
            <source>{n} bytes</source>
            <translation>{n} octets</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Add the confidential key annex</source>
            <translation>Ajouter l'annexe confidentielle des identités</translation>
        </message>
        <message>
            <source>Admissibility (complementarity, gravity)</source>
            <translation>Recevabilité (complémentarité, gravité)</translation>
        </message>
        <message>
            <source>Alleged perpetrators and modes of liability</source>
            <translation>Auteurs présumés et modes de responsabilité</translation>
        </message>
        <message>
            <source>Always included: the Office of the Prosecutor's first filter needs the sender, the facts, jurisdiction, the crimes and the evidence index.</source>
            <translation>Toujours inclus : le premier filtre du Bureau du Procureur a besoin de l'expéditeur, des faits, de la compétence, des crimes et de l'index des éléments de preuve.</translation>
        </message>
        <message>
            <source>Annexes</source>
            <translation>Annexes</translation>
        </message>
        <message>
            <source>Conclusion and request</source>
            <translation>Conclusion et demande</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Table des matières</translation>
        </message>
        <message>
            <source>Contextual elements</source>
            <translation>Éléments contextuels</translation>
        </message>
        <message>
            <source>Cover sheet</source>
            <translation>Page de garde</translation>
        </message>
        <message>
            <source>DOCX (Word)</source>
            <translation>DOCX (Word)</translation>
        </message>
        <message>
            <source>Evidence index</source>
            <translation>Index des éléments de preuve</translation>
        </message>
        <message>
            <source>Executive summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Export the dossier</source>
            <translation>Exporter le dossier</translation>
        </message>
        <message>
            <source>Factual background</source>
            <translation>Contexte factuel</translation>
        </message>
        <message>
            <source>Formats</source>
            <translation>Formats</translation>
        </message>
        <message>
            <source>Full (confidential) and public redacted versions</source>
            <translation>Versions complète (confidentielle) et publique caviardée</translation>
        </message>
        <message>
            <source>Identities revealed in the key annex: {refs}</source>
            <translation>Identités révélées dans l'annexe des identités : {refs}</translation>
        </message>
        <message>
            <source>Interests of justice</source>
            <translation>Intérêts de la justice</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>Introduction</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Compétence</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>One part per charged crime</source>
            <translation>Une partie par crime allégué</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Protection of witnesses and methodology</source>
            <translation>Protection des témoins et méthodologie</translation>
        </message>
        <message>
            <source>Public redacted version only</source>
            <translation>Version publique caviardée seulement</translation>
        </message>
        <message>
            <source>Reading the case…</source>
            <translation>Lecture de l'affaire…</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Partie</translation>
        </message>
        <message>
            <source>Sections of the public version</source>
            <translation>Parties de la version publique</translation>
        </message>
        <message>
            <source>Sections of the public version (drafts generated by caseapp are marked)</source>
            <translation>Parties de la version publique (les brouillons générés par caseapp sont signalés)</translation>
        </message>
        <message>
            <source>Sections to include</source>
            <translation>Sections à inclure</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>The key annex holds the real names behind the pseudonyms of every protected person. Each name it reveals is recorded in the custody log. Keep it apart from the public version and never send it with it.</source>
            <translation>L'annexe des identités contient les vrais noms derrière les pseudonymes de chaque personne protégée. Chaque nom révélé est inscrit au registre de la chaîne de possession. Gardez-la à part de la version publique et ne l'envoyez jamais avec elle.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>brouillon</translation>
        </message>
    </context>
    <context>
        <name>DossierInputsView</name>
        <message>
            <source>Alleged perpetrators</source>
            <translation>Auteurs présumés</translation>
        </message>
        <message>
            <source>Complementarity</source>
            <translation>Complémentarité</translation>
        </message>
        <message>
            <source>Conclusion and request</source>
            <translation>Conclusion et demande</translation>
        </message>
        <message>
            <source>Contextual elements</source>
            <translation>Éléments contextuels</translation>
        </message>
        <message>
            <source>Cover and jurisdiction</source>
            <translation>Page de garde et compétence</translation>
        </message>
        <message>
            <source>Dossier texts</source>
            <translation>Textes du dossier</translation>
        </message>
        <message>
            <source>Executive summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Factual background</source>
            <translation>Contexte factuel</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <source>Interests of justice</source>
            <translation>Intérêts de la justice</translation>
        </message>
        <message>
            <source>Introduction</source>
            <translation>Introduction</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Compétence</translation>
        </message>
        <message>
            <source>Narrative sections</source>
            <translation>Parties rédigées</translation>
        </message>
        <message>
            <source>Nationalities of the suspects (ISO codes)</source>
            <translation>Nationalités des suspects (codes ISO)</translation>
        </message>
        <message>
            <source>Not written: the dossier prints a draft generated by caseapp here, marked as a draft.</source>
            <translation>Non rédigée : le dossier imprime ici un brouillon généré par caseapp, signalé comme brouillon.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Optional; kept in the custody log</source>
            <translation>Facultatif ; gardé au registre de la chaîne de possession</translation>
        </message>
        <message>
            <source>Other territories of an element (ISO codes)</source>
            <translation>Autres territoires d'un élément (codes ISO)</translation>
        </message>
        <message>
            <source>Protection of witnesses and methodology</source>
            <translation>Protection des témoins et méthodologie</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Motif de la modification</translation>
        </message>
        <message>
            <source>Save the section</source>
            <translation>Enregistrer la partie</translation>
        </message>
        <message>
            <source>Save these facts</source>
            <translation>Enregistrer ces éléments</translation>
        </message>
        <message>
            <source>Secure contact</source>
            <translation>Contact sécurisé</translation>
        </message>
        <message>
            <source>Sender (one line each)</source>
            <translation>Expéditeur (une ligne chacune)</translation>
        </message>
        <message>
            <source>Short title (page headers)</source>
            <translation>Titre court (en-têtes de page)</translation>
        </message>
        <message>
            <source>Situation</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>Situation number (only if the Office gave one)</source>
            <translation>Numéro de la situation (seulement si le Bureau en a donné un)</translation>
        </message>
        <message>
            <source>Territory (ISO code, e.g. SY)</source>
            <translation>Territoire (code ISO, p. ex. SY)</translation>
        </message>
        <message>
            <source>The section's text</source>
            <translation>Le texte de la partie</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Undertake to provide further information</source>
            <translation>S'engager à fournir des informations supplémentaires</translation>
        </message>
        <message>
            <source>Use the generated draft</source>
            <translation>Utiliser le brouillon généré</translation>
        </message>
        <message>
            <source>Victim State, for aggression (ISO code)</source>
            <translation>État victime, pour l'agression (code ISO)</translation>
        </message>
        <message>
            <source>Write it to replace the draft; a blank line starts a paragraph.</source>
            <translation>Rédigez-la pour remplacer le brouillon ; une ligne vide commence un paragraphe.</translation>
        </message>
        <message>
            <source>Written by {author}, {when}.</source>
            <translation>Rédigée par {author}, {when}.</translation>
        </message>
        <message>
            <source>generated draft</source>
            <translation>brouillon généré</translation>
        </message>
        <message>
            <source>written</source>
            <translation>rédigée</translation>
        </message>
    </context>
    <context>
        <name>Excerpts</name>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Clear the region</source>
            <translation>Effacer la zone</translation>
        </message>
        <message>
            <source>Drag the excerpt onto an element of the legal catalogue to link it</source>
            <translation>Faites glisser l'extrait sur un élément du catalogue juridique pour l'y lier</translation>
        </message>
        <message>
            <source>Link excerpt to element…</source>
            <translation>Lier l'extrait à un élément…</translation>
        </message>
        <message>
            <source>Link the excerpt to an element…</source>
            <translation>Lier l'extrait à un élément…</translation>
        </message>
        <message>
            <source>Passage from</source>
            <translation>Passage de</translation>
        </message>
        <message>
            <source>Region ({units}):</source>
            <translation>Zone ({units}) :</translation>
        </message>
        <message>
            <source>Region {part}</source>
            <translation>Zone : {part}</translation>
        </message>
        <message>
            <source>characters {start}-{end}</source>
            <translation>caractères {start} à {end}</translation>
        </message>
        <message>
            <source>e.g. 0:42 or 1:02:03</source>
            <translation>p. ex. 0:42 ou 1:02:03</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>de {start} à {end}</translation>
        </message>
        <message>
            <source>height</source>
            <translation>hauteur</translation>
        </message>
        <message>
            <source>page {n}</source>
            <translation>page {n}</translation>
        </message>
        <message>
            <source>region {x},{y},{width},{height}</source>
            <translation>zone {x},{y},{width},{height}</translation>
        </message>
        <message>
            <source>to</source>
            <translation>à</translation>
        </message>
        <message>
            <source>width</source>
            <translation>largeur</translation>
        </message>
        <message>
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <source>⠿ Drag onto an element</source>
            <translation>⠿ Glisser sur un élément</translation>
        </message>
    </context>
    <context>
        <name>ExhibitKind</name>
        <message>
            <source>audio</source>
            <translation>audio</translation>
        </message>
        <message>
            <source>document</source>
            <translation>document</translation>
        </message>
        <message>
            <source>image</source>
            <translation>image</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>physical</source>
            <translation>objet matériel</translation>
        </message>
        <message>
            <source>testimony</source>
            <translation>témoignage</translation>
        </message>
        <message>
            <source>video</source>
            <translation>vidéo</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>Dossier texts…</source>
            <translation>Textes du dossier…</translation>
        </message>
        <message>
            <source>Export dossier…</source>
            <translation>Exporter le dossier…</translation>
        </message>
        <message>
            <source>Export evidence bundle…</source>
            <translation>Exporter le lot de preuves…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>A new or empty folder</source>
            <translation>Un dossier nouveau ou vide</translation>
        </message>
        <message>
            <source>Cancel the export</source>
            <translation>Annuler l'exportation</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was exported and nothing was left in the folder.</source>
            <translation>Annulé. Rien n'a été exporté et rien n'est resté dans le dossier.</translation>
        </message>
        <message>
            <source>Cancelling: the file being written is finished, then everything is removed…</source>
            <translation>Annulation : le fichier en cours d'écriture est terminé, puis tout est supprimé…</translation>
        </message>
        <message>
            <source>Choose a folder for the export: a new folder, or an empty one.</source>
            <translation>Choisissez un dossier pour l'exportation : un dossier nouveau, ou vide.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>Custody log entry {seq} ({action}), {at}, by {actor}:</source>
            <translation>Entrée {seq} du registre de la chaîne de possession ({action}), {at}, par {actor} :</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Export into a new or empty folder</source>
            <translation>Exporter dans un dossier nouveau ou vide</translation>
        </message>
        <message>
            <source>Exported to {folder}</source>
            <translation>Exporté dans {folder}</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exportation…</translation>
        </message>
        <message>
            <source>Folder (new or empty)</source>
            <translation>Dossier de destination (nouveau ou vide)</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Dossier de destination</translation>
        </message>
        <message>
            <source>The case is open for reading only: this export could not be recorded in the custody log.</source>
            <translation>L'affaire est ouverte en lecture seule : cette exportation n'a pas pu être inscrite au registre de la chaîne de possession.</translation>
        </message>
        <message>
            <source>What the custody log recorded</source>
            <translation>Ce que le registre de la chaîne de possession a inscrit</translation>
        </message>
    </context>
    <context>
        <name>GapStatus</name>
        <message>
            <source>contested</source>
            <translation>contesté</translation>
        </message>
        <message>
            <source>corroborated</source>
            <translation>corroboré</translation>
        </message>
        <message>
            <source>unaddressed</source>
            <translation>non traité</translation>
        </message>
        <message>
            <source>weak</source>
            <translation>faible</translation>
        </message>
    </context>
    <context>
        <name>GapsView</name>
        <message>
            <source>(context)</source>
            <translation>(contexte)</translation>
        </message>
        <message>
            <source>; </source>
            <translation> ; </translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>En attente de revue</translation>
        </message>
        <message>
            <source>Best grade</source>
            <translation>Meilleure cote</translation>
        </message>
        <message>
            <source>Charge / element</source>
            <translation>Charge / élément</translation>
        </message>
        <message>
            <source>Choose an element to see the exhibits linked to it.</source>
            <translation>Choisissez un élément pour voir les pièces qui y sont liées.</translation>
        </message>
        <message>
            <source>Contradicted by</source>
            <translation>Contredit par</translation>
        </message>
        <message>
            <source>Exhibits linked to the chosen element</source>
            <translation>Pièces liées à l'élément choisi</translation>
        </message>
        <message>
            <source>Exhibits linked to {id}</source>
            <translation>Pièces liées à {id}</translation>
        </message>
        <message>
            <source>Gap matrix</source>
            <translation>Matrice des lacunes</translation>
        </message>
        <message>
            <source>Independent sources: exhibits that share a source count once</source>
            <translation>Sources indépendantes : les pièces d’une même source comptent une fois</translation>
        </message>
        <message>
            <source>No charge yet: add one under Charges to see what each element needs.</source>
            <translation>Aucune charge pour l’instant : ajoutez-en une sous Charges pour voir ce qu’il faut à chaque élément.</translation>
        </message>
        <message>
            <source>No exhibit is linked to it yet.</source>
            <translation>Aucune pièce n’y est encore liée.</translation>
        </message>
        <message>
            <source>Only unaddressed elements</source>
            <translation>Seulement les éléments non traités</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Why the element has this status</source>
            <translation>Pourquoi l’élément a ce statut</translation>
        </message>
        <message>
            <source>contradicted by {refs}</source>
            <translation>contredit par {refs}</translation>
        </message>
        <message>
            <source>every link weighs “maybe”</source>
            <translation>tous les liens pèsent « possible »</translation>
        </message>
        <message>
            <source>no accepted evidence</source>
            <translation>aucune preuve acceptée</translation>
        </message>
        <message>
            <source>one independent source</source>
            <translation>une seule source indépendante</translation>
        </message>
        <message>
            <source>only grades D-F or 4-6 (or ungraded)</source>
            <translation>seulement des cotes D-F ou 4-6 (ou sans cote)</translation>
        </message>
        <message>
            <source>{charges} charge(s): {unaddressed} unaddressed, {weak} weak, {corroborated} corroborated, {contested} contested</source>
            <translation>{charges} charge(s) : {unaddressed} non traités, {weak} faibles, {corroborated} corroborés, {contested} contestés</translation>
        </message>
        <message>
            <source>{n} independent sources</source>
            <translation>{n} sources indépendantes</translation>
        </message>
        <message>
            <source>{n}: {refs} …</source>
            <translation>{n} : {refs} …</translation>
        </message>
    </context>
    <context>
        <name>GroundStatus</name>
        <message>
            <source>met</source>
            <translation>rempli</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>non rempli</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>incertain</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>An import is already running</source>
            <translation>Un import est déjà en cours</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>Annuler l'import</translation>
        </message>
        <message>
            <source>Cancelling after the current file…</source>
            <translation>Annulation après le fichier en cours…</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>Import terminé</translation>
        </message>
        <message>
            <source>Import stopped</source>
            <translation>Import interrompu</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>Préparation de l'import…</translation>
        </message>
        <message>
            <source>The import was cancelled; every file taken in before stays in the case.</source>
            <translation>L'import a été annulé ; chaque fichier déjà versé reste dans l'affaire.</translation>
        </message>
        <message>
            <source>{n} duplicate(s) of exhibits already in the case (recorded as another acquisition).</source>
            <translation>{n} doublon(s) de pièces déjà présentes dans l'affaire (enregistré(s) comme nouvelle acquisition).</translation>
        </message>
        <message>
            <source>{n} file(s) taken in.</source>
            <translation>{n} fichier(s) versé(s).</translation>
        </message>
        <message>
            <source>{n} file(s) were already in from an earlier import.</source>
            <translation>{n} fichier(s) déjà versé(s) lors d'un import précédent.</translation>
        </message>
        <message>
            <source>{n} left out (see the details).</source>
            <translation>{n} écarté(s) (voir les détails).</translation>
        </message>
    </context>
    <context>
        <name>JurisdictionAnswer</name>
        <message>
            <source>Answer:</source>
            <translation>Réponse :</translation>
        </message>
        <message>
            <source>Answer: it changes inside the range</source>
            <translation>Réponse : elle change au cours de la période</translation>
        </message>
        <message>
            <source>Caveats</source>
            <translation>Réserves</translation>
        </message>
        <message>
            <source>Conditions (all must hold)</source>
            <translation>Conditions (toutes doivent être remplies)</translation>
        </message>
        <message>
            <source>Country: UNCERTAIN, {where}: it may be {codes}</source>
            <translation>Pays : INCERTAIN, {where} : il peut s'agir de {codes}</translation>
        </message>
        <message>
            <source>Country: {codes} (chosen in the form)</source>
            <translation>Pays : {codes} (choisi dans le formulaire)</translation>
        </message>
        <message>
            <source>Country: {codes}, {where}</source>
            <translation>Pays : {codes}, {where}</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>Crime</translation>
        </message>
        <message>
            <source>Data as of {date}.</source>
            <translation>Données à jour au {date}.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Element on the territory of</source>
            <translation>Élément sur le territoire de</translation>
        </message>
        <message>
            <source>From {start} to {end}:</source>
            <translation>Du {start} au {end} :</translation>
        </message>
        <message>
            <source>Grounds (any one suffices)</source>
            <translation>Fondements (un seul suffit)</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Incident</translation>
        </message>
        <message>
            <source>Nationality of the accused</source>
            <translation>Nationalité de l'accusé</translation>
        </message>
        <message>
            <source>On the territory of {name}</source>
            <translation>Sur le territoire de {name}</translation>
        </message>
        <message>
            <source>On {day} the answer changes from {before} to {after}, because:</source>
            <translation>Le {day}, la réponse passe de « {before} » à « {after} », parce que :</translation>
        </message>
        <message>
            <source>On {day} the answer stays {verdict} but its grounds change:</source>
            <translation>Le {day}, la réponse reste « {verdict} » mais ses fondements changent :</translation>
        </message>
        <message>
            <source>Range: {span} (time precision {precision}, zone {zone})</source>
            <translation>Période : {span} (précision {precision}, fuseau {zone})</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>Sources :</translation>
        </message>
        <message>
            <source>Territory</source>
            <translation>Territoire</translation>
        </message>
        <message>
            <source>The answer changes inside the range on {days}.</source>
            <translation>La réponse change au cours de la période le {days}.</translation>
        </message>
        <message>
            <source>The answer depends on which country it is: choose the territory in the form.</source>
            <translation>La réponse dépend du pays : choisissez le territoire dans le formulaire.</translation>
        </message>
        <message>
            <source>The answer does not change inside the range.</source>
            <translation>La réponse ne change pas au cours de la période.</translation>
        </message>
        <message>
            <source>The answer is the same whichever of these countries it is.</source>
            <translation>La réponse est la même quel que soit ce pays.</translation>
        </message>
        <message>
            <source>Victim State</source>
            <translation>État victime</translation>
        </message>
        <message>
            <source>from its coordinates {lat}, {lon} (precision {precision}, {radius})</source>
            <translation>d'après ses coordonnées {lat}, {lon} (précision {precision}, {radius})</translation>
        </message>
        <message>
            <source>none given (the preconditions only)</source>
            <translation>aucun (seulement les conditions préalables)</translation>
        </message>
        <message>
            <source>{before} → {after}</source>
            <translation>{before} → {after}</translation>
        </message>
    </context>
    <context>
        <name>JurisdictionView</name>
        <message>
            <source>(from the incident's coordinates)</source>
            <translation>(d'après les coordonnées de l'incident)</translation>
        </message>
        <message>
            <source>(no crime: the preconditions only)</source>
            <translation>(aucun crime : seulement les conditions préalables)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>Answer of the jurisdiction assistant</source>
            <translation>Réponse de l'assistant de compétence</translation>
        </message>
        <message>
            <source>Ask without the incident</source>
            <translation>Demander sans l'incident</translation>
        </message>
        <message>
            <source>Asked for {ref} {title}: the dates are its time range, and its country is {how}.</source>
            <translation>Demandé pour {ref} {title} : les dates sont sa période, et son pays est {how}.</translation>
        </message>
        <message>
            <source>Assess jurisdiction</source>
            <translation>Évaluer la compétence</translation>
        </message>
        <message>
            <source>Crime</source>
            <translation>Crime</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Date, or range of dates</source>
            <translation>Date, ou période</translation>
        </message>
        <message>
            <source>Element on the territory of</source>
            <translation>Élément sur le territoire de</translation>
        </message>
        <message>
            <source>Enter the date of the conduct (YYYY-MM-DD), or a range of dates.</source>
            <translation>Saisissez la date du comportement (AAAA-MM-JJ), ou une période.</translation>
        </message>
        <message>
            <source>Find a crime</source>
            <translation>Trouver un crime</translation>
        </message>
        <message>
            <source>Find a crime: words in English, French or Arabic (Enter)</source>
            <translation>Trouver un crime : mots en anglais, français ou arabe (Entrée)</translation>
        </message>
        <message>
            <source>Last day of the range</source>
            <translation>Dernier jour de la période</translation>
        </message>
        <message>
            <source>Nationality of the accused</source>
            <translation>Nationalité de l'accusé</translation>
        </message>
        <message>
            <source>No crime matches these words.</source>
            <translation>Aucun crime ne correspond à ces mots.</translation>
        </message>
        <message>
            <source>Referral: nothing to choose. A Security Council referral the data holds (Darfur, Libya) is found from the place and date; a State referral and the Prosecutor's own initiative need the same link of territory or nationality (Art 12(2)), so they give the same answer.</source>
            <translation>Renvoi : rien à choisir. Un renvoi du Conseil de sécurité connu des données (Darfour, Libye) est déduit du lieu et de la date ; un renvoi par un État et l'initiative du Procureur exigent le même lien de territoire ou de nationalité (art. 12(2)) et donnent donc la même réponse.</translation>
        </message>
        <message>
            <source>Territory</source>
            <translation>Territoire</translation>
        </message>
        <message>
            <source>Territory (State where the conduct occurred)</source>
            <translation>Territoire (État où le comportement a eu lieu)</translation>
        </message>
        <message>
            <source>The answer appears here: within, outside or depends, with its grounds, caveats and sources.</source>
            <translation>La réponse s'affiche ici : dans la compétence, hors de la compétence ou selon, avec ses fondements, réserves et sources.</translation>
        </message>
        <message>
            <source>The assistant's explanations are in English, like the texts of the catalogue.</source>
            <translation>Les explications de l'assistant sont en anglais, comme les textes du catalogue.</translation>
        </message>
        <message>
            <source>Victim State</source>
            <translation>État victime</translation>
        </message>
        <message>
            <source>Victim State (aggression only)</source>
            <translation>État victime (agression seulement)</translation>
        </message>
        <message>
            <source>Where an element of the crime took place, such as the border crossed in a deportation.</source>
            <translation>Où un élément du crime a eu lieu, par exemple la frontière franchie lors d'une déportation.</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>found from its coordinates, unless you choose a territory</source>
            <translation>déduit de ses coordonnées, sauf si vous choisissez un territoire</translation>
        </message>
        <message>
            <source>not known (it has no coordinates): choose the territory</source>
            <translation>inconnu (il n'a pas de coordonnées) : choisissez le territoire</translation>
        </message>
        <message>
            <source>optional, country codes separated by commas, e.g. BD</source>
            <translation>facultatif, codes de pays séparés par des virgules, p. ex. BD</translation>
        </message>
        <message>
            <source>optional: the last day of a range, YYYY-MM-DD</source>
            <translation>facultatif : le dernier jour d'une période, AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>the one its record names ({code})</source>
            <translation>celui que nomme sa fiche ({code})</translation>
        </message>
        <message>
            <source>until</source>
            <translation>jusqu'au</translation>
        </message>
        <message>
            <source>{ref} has no coordinates, so its country cannot be found: choose the territory above, or add its coordinates (Edit… on the Incidents page).</source>
            <translation>{ref} n'a pas de coordonnées, son pays ne peut donc pas être trouvé : choisissez le territoire ci-dessus, ou ajoutez ses coordonnées (Modifier… sur la page Incidents).</translation>
        </message>
        <message>
            <source>{ref} has no time, so there is no date to check: add it (Edit… on the Incidents page), or ask without the incident.</source>
            <translation>{ref} n'a pas de date, il n'y a donc rien à vérifier : ajoutez-la (Modifier… sur la page Incidents), ou demandez sans l'incident.</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>Interface language</source>
            <translation>Langue de l'interface</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Langue :</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>The new language is used from the next start of caseapp.</source>
            <translation>La nouvelle langue s'applique au prochain démarrage de caseapp.</translation>
        </message>
    </context>
    <context>
        <name>LegalPages</name>
        <message>
            <source>Charges</source>
            <translation>Charges</translation>
        </message>
        <message>
            <source>Elements</source>
            <translation>Éléments</translation>
        </message>
        <message>
            <source>Gaps</source>
            <translation>Lacunes</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Compétence</translation>
        </message>
        <message>
            <source>Legal elements of {ref}:</source>
            <translation>Éléments juridiques de {ref} :</translation>
        </message>
        <message>
            <source>Link the excerpt to an element…</source>
            <translation>Lier l'extrait à un élément…</translation>
        </message>
        <message>
            <source>Link the selected exhibits to an element…</source>
            <translation>Lier les pièces sélectionnées à un élément…</translation>
        </message>
        <message>
            <source>Link {excerpt} of {ref} to an element</source>
            <translation>Lier {excerpt} de {ref} à un élément</translation>
        </message>
        <message>
            <source>Mark an excerpt first: draw a region on the preview, type a passage's start and end, or select words in the extracted text.</source>
            <translation>Marquez d'abord un extrait : tracez une zone sur l'aperçu, saisissez le début et la fin d'un passage, ou sélectionnez des mots dans le texte extrait.</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Revue</translation>
        </message>
        <message>
            <source>Select an incident first (Incidents page).</source>
            <translation>Sélectionnez d'abord un incident (page Incidents).</translation>
        </message>
        <message>
            <source>Select one or more exhibits first (Exhibits page), then link them.</source>
            <translation>Sélectionnez d’abord une ou plusieurs pièces (page Pièces), puis liez-les.</translation>
        </message>
        <message>
            <source>{ref} is not linked to any legal element yet (Ctrl+K).</source>
            <translation>{ref} n’est encore lié à aucun élément juridique (Ctrl+K).</translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <source>Element</source>
            <translation>Élément</translation>
        </message>
        <message>
            <source>Excerpt</source>
            <translation>Extrait</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>Pièces</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lier</translation>
        </message>
        <message>
            <source>Link the selected exhibits to an element</source>
            <translation>Lier les pièces sélectionnées à un élément</translation>
        </message>
        <message>
            <source>Link to {id}</source>
            <translation>Lier à {id}</translation>
        </message>
        <message>
            <source>Observed or alleged</source>
            <translation>Observé ou allégué</translation>
        </message>
        <message>
            <source>Quoted words</source>
            <translation>Mots cités</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Raisonnement</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Type an id or words of the element, e.g. 8(2)(e)(iv)-1 or hospital</source>
            <translation>Tapez un identifiant ou des mots de l’élément, p. ex. 8(2)(e)(iv)-1 ou hospital</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>Why does this exhibit bear on this element? (required)</source>
            <translation>En quoi cette pièce concerne-t-elle cet élément ? (obligatoire)</translation>
        </message>
        <message>
            <source>{exhibit} linked to {id} ({link}), awaiting review</source>
            <translation>{exhibit} lié à {id} ({link}), en attente de revue</translation>
        </message>
    </context>
    <context>
        <name>LinkStance</name>
        <message>
            <source>context</source>
            <translation>contexte</translation>
        </message>
        <message>
            <source>contradicts</source>
            <translation>contredit</translation>
        </message>
        <message>
            <source>supports</source>
            <translation>étaye</translation>
        </message>
    </context>
    <context>
        <name>MainMenus</name>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Affaire</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <source>&amp;Records</source>
            <translation>&amp;Fiches</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>A&amp;ffichage</translation>
        </message>
        <message>
            <source>Actual size (100 %)</source>
            <translation>Taille réelle (100 %)</translation>
        </message>
        <message>
            <source>Add a note to the selected record…</source>
            <translation>Ajouter une note à la fiche sélectionnée…</translation>
        </message>
        <message>
            <source>Add a person…</source>
            <translation>Ajouter une personne…</translation>
        </message>
        <message>
            <source>Add a source…</source>
            <translation>Ajouter une source…</translation>
        </message>
        <message>
            <source>Add a tag to the selected record…</source>
            <translation>Ajouter une étiquette à la fiche sélectionnée…</translation>
        </message>
        <message>
            <source>Add an incident…</source>
            <translation>Ajouter un incident…</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Edit the selected exhibit…</source>
            <translation>Modifier la pièce sélectionnée…</translation>
        </message>
        <message>
            <source>Export the original…</source>
            <translation>Exporter l'original…</translation>
        </message>
        <message>
            <source>Extracted text</source>
            <translation>Texte extrait</translation>
        </message>
        <message>
            <source>Fit to the panel</source>
            <translation>Ajuster au panneau</translation>
        </message>
        <message>
            <source>Import a folder…</source>
            <translation>Importer un dossier…</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>Importer des fichiers…</translation>
        </message>
        <message>
            <source>Link the selected exhibits to a person or incident…</source>
            <translation>Lier les pièces sélectionnées à une personne ou un incident…</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Verrouiller</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>Verrouiller après inactivité</translation>
        </message>
        <message>
            <source>Lock after idle…</source>
            <translation>Verrouiller après inactivité…</translation>
        </message>
        <message>
            <source>Lock the case after this many minutes without keyboard or mouse use (0: never):</source>
            <translation>Verrouiller l'affaire après ce nombre de minutes sans utilisation du clavier ni de la souris (0 : jamais) :</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Page suivante</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Page précédente</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rétablir</translation>
        </message>
        <message>
            <source>Remove a tag from the selected record…</source>
            <translation>Retirer une étiquette de la fiche sélectionnée…</translation>
        </message>
        <message>
            <source>Search exhibits</source>
            <translation>Rechercher des pièces</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>Vérifier</translation>
        </message>
        <message>
            <source>Verify every file (slow)</source>
            <translation>Vérifier chaque fichier (lent)</translation>
        </message>
        <message>
            <source>Zoom and pages</source>
            <translation>Zoom et pages</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom avant</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom arrière</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Custody log</source>
            <translation>Registre de la chaîne de possession</translation>
        </message>
        <message>
            <source>Delete {ref}</source>
            <translation>Supprimer {ref}</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>Pièces</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>Importer un dossier</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>Importer des fichiers</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Incidents</translation>
        </message>
        <message>
            <source>Navigator</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>Select one exhibit first.</source>
            <translation>Sélectionnez d'abord une seule pièce.</translation>
        </message>
        <message>
            <source>Select one or more exhibits first.</source>
            <translation>Sélectionnez d'abord une ou plusieurs pièces.</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Why is {ref} deleted? The reason is kept in the custody log; it can be restored.</source>
            <translation>Pourquoi supprimer {ref} ? Le motif est conservé dans le registre de la chaîne de possession ; la fiche peut être restaurée.</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
        <message>
            <source>change to {ref}</source>
            <translation>modification de {ref}</translation>
        </message>
        <message>
            <source>{title} — caseapp</source>
            <translation>{title} — caseapp</translation>
        </message>
    </context>
    <context>
        <name>MapCanvas</name>
        <message>
            <source>Map</source>
            <translation>Carte</translation>
        </message>
        <message>
            <source>Outlines: Natural Earth</source>
            <translation>Contours : Natural Earth</translation>
        </message>
        <message>
            <source>Too many places on screen to draw how precisely each is known: zoom in to see the circles</source>
            <translation>Trop de lieux à l'écran pour dessiner la précision de chacun : zoomez pour voir les cercles</translation>
        </message>
        <message>
            <source>and {n} more</source>
            <translation>et {n} de plus</translation>
        </message>
        <message>
            <source>place known to the region</source>
            <translation>lieu connu à la région près</translation>
        </message>
        <message>
            <source>place known to ±1 km</source>
            <translation>lieu connu à ±1 km</translation>
        </message>
        <message>
            <source>place known to ±10 m</source>
            <translation>lieu connu à ±10 m</translation>
        </message>
        <message>
            <source>place known to ±100 m</source>
            <translation>lieu connu à ±100 m</translation>
        </message>
        <message>
            <source>precision of the place not known</source>
            <translation>précision du lieu inconnue</translation>
        </message>
        <message>
            <source>{n} km</source>
            <translation>{n} km</translation>
        </message>
        <message>
            <source>{n} m</source>
            <translation>{n} m</translation>
        </message>
        <message>
            <source>{outlines}; tiles: {credit}</source>
            <translation>{outlines} ; tuiles : {credit}</translation>
        </message>
    </context>
    <context>
        <name>MapSuggestions</name>
        <message>
            <source>Adds an incident with this place and time and links these exhibits to it (Undo takes it back)</source>
            <translation>Ajoute un incident avec ce lieu et cette période et y lie ces pièces (Annuler le retire)</translation>
        </message>
        <message>
            <source>Confirm as an incident</source>
            <translation>Confirmer comme incident</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Écarter</translation>
        </message>
        <message>
            <source>Exhibits taken close together in place and time (within {distance} and {hours} hours) that no incident holds yet.</source>
            <translation>Pièces prises à peu de distance et d’intervalle (moins de {distance} et de {hours} heures) qu’aucun incident ne contient encore.</translation>
        </message>
        <message>
            <source>Hides this suggestion; it stays hidden while its exhibits stay the same</source>
            <translation>Masque cette suggestion ; elle reste masquée tant que ses pièces restent les mêmes</translation>
        </message>
        <message>
            <source>Suggested incidents</source>
            <translation>Incidents suggérés</translation>
        </message>
        <message>
            <source>Title of the incident</source>
            <translation>Titre de l’incident</translation>
        </message>
        <message>
            <source>Title of the incident (optional)</source>
            <translation>Titre de l’incident (facultatif)</translation>
        </message>
        <message>
            <source>audio recordings</source>
            <translation>enregistrements audio</translation>
        </message>
        <message>
            <source>documents</source>
            <translation>documents</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>du {start} au {end}</translation>
        </message>
        <message>
            <source>other exhibits</source>
            <translation>autres pièces</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>photos</translation>
        </message>
        <message>
            <source>physical items</source>
            <translation>objets</translation>
        </message>
        <message>
            <source>testimonies</source>
            <translation>témoignages</translation>
        </message>
        <message>
            <source>videos</source>
            <translation>vidéos</translation>
        </message>
        <message>
            <source>{n} exhibits within {distance}: {kinds}</source>
            <translation>{n} pièces dans un rayon de {distance} : {kinds}</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <source>Choose an offline tile package</source>
            <translation>Choisir un paquet de tuiles hors ligne</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>Pièce</translation>
        </message>
        <message>
            <source>Fit the markers</source>
            <translation>Voir tous les repères</translation>
        </message>
        <message>
            <source>How precisely each place is known: ±10 m, ±100 m, ±1 km, or a region (±10 km)</source>
            <translation>Précision avec laquelle chaque lieu est connu : ±10 m, ±100 m, ±1 km, ou une région (±10 km)</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Incident</translation>
        </message>
        <message>
            <source>MBTiles tile packages (*.mbtiles);;All files (*)</source>
            <translation>Paquets de tuiles MBTiles (*.mbtiles);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>No street tiles</source>
            <translation>Sans tuiles de rues</translation>
        </message>
        <message>
            <source>Show every marker (Home)</source>
            <translation>Afficher tous les repères (Origine)</translation>
        </message>
        <message>
            <source>Show street detail from an offline tile package of your own (.mbtiles)</source>
            <translation>Afficher le détail des rues depuis votre propre paquet de tuiles hors ligne (.mbtiles)</translation>
        </message>
        <message>
            <source>Show the country outlines only</source>
            <translation>N'afficher que les contours des pays</translation>
        </message>
        <message>
            <source>Show the whole world</source>
            <translation>Afficher le monde entier</translation>
        </message>
        <message>
            <source>Street tiles not shown: {reason}</source>
            <translation>Tuiles de rues non affichées : {reason}</translation>
        </message>
        <message>
            <source>Street tiles: {name} (zoom levels {low} to {high})</source>
            <translation>Tuiles de rues : {name} (niveaux de zoom {low} à {high})</translation>
        </message>
        <message>
            <source>Street tiles…</source>
            <translation>Tuiles de rues…</translation>
        </message>
        <message>
            <source>Whole world</source>
            <translation>Monde entier</translation>
        </message>
        <message>
            <source>Zoom in (+, or the mouse wheel)</source>
            <translation>Zoom avant (+, ou la molette de la souris)</translation>
        </message>
        <message>
            <source>Zoom out (-)</source>
            <translation>Zoom arrière (-)</translation>
        </message>
        <message>
            <source>circle: where the place may be</source>
            <translation>cercle : où le lieu peut se trouver</translation>
        </message>
        <message>
            <source>{shown} on the map, {without} without a place</source>
            <translation>{shown} sur la carte, {without} sans lieu</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>(hidden)</source>
            <translation>(masqué)</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Jurisdiction…</source>
            <translation>Compétence…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurer</translation>
        </message>
        <message>
            <source>Reveal identity</source>
            <translation>Révéler l'identité</translation>
        </message>
        <message>
            <source>Search exhibits</source>
            <translation>Rechercher des pièces</translation>
        </message>
        <message>
            <source>Search titles, descriptions and extracted text (Enter)</source>
            <translation>Rechercher dans les titres, descriptions et textes extraits (Entrée)</translation>
        </message>
        <message>
            <source>Show deleted</source>
            <translation>Afficher les supprimés</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>supprimé</translation>
        </message>
        <message>
            <source>{n} exhibit(s)</source>
            <translation>{n} pièce(s)</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePair</name>
        <message>
            <source>Acceptable. A few more words would make it much stronger.</source>
            <translation>Acceptable. Quelques mots de plus la rendraient bien plus solide.</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Nouvelle phrase de passe</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase de passe</translation>
        </message>
        <message>
            <source>Repeat it</source>
            <translation>Répétez-la</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Répétez la phrase de passe</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>Solide.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Les deux phrases de passe diffèrent.</translation>
        </message>
        <message>
            <source>Too short: {n} more character(s) needed.</source>
            <translation>Trop courte : il manque {n} caractère(s).</translation>
        </message>
        <message>
            <source>Use at least {n} characters, for example four or five unrelated words. A seized laptop can be attacked offline: each extra word multiplies the attacker's work. There is no way back in without the passphrase or the recovery code.</source>
            <translation>Utilisez au moins {n} caractères, par exemple quatre ou cinq mots sans rapport entre eux. Un ordinateur saisi peut être attaqué hors ligne : chaque mot supplémentaire multiplie le travail de l'attaquant. Sans la phrase de passe ni le code de récupération, impossible de rouvrir l'affaire.</translation>
        </message>
    </context>
    <context>
        <name>PeoplePanel</name>
        <message>
            <source>Aliases</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consentement</translation>
        </message>
        <message>
            <source>Consent of {ref}</source>
            <translation>Consentement de {ref}</translation>
        </message>
        <message>
            <source>Consent per scope</source>
            <translation>Consentement par destinataire</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <source>Edit identity…</source>
            <translation>Modifier l'identité…</translation>
        </message>
        <message>
            <source>Identity of {ref}</source>
            <translation>Identité de {ref}</translation>
        </message>
        <message>
            <source>Kept apart from the person's record, inside the encrypted case; the custody log holds only keyed hashes.</source>
            <translation>Conservée à part de la fiche de la personne, dans le dossier chiffré ; le journal de conservation n'en garde que des empreintes à clé.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Le</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>Protection</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Motif de la modification</translation>
        </message>
        <message>
            <source>Record consent…</source>
            <translation>Enregistrer un consentement…</translation>
        </message>
        <message>
            <source>Reveal identity</source>
            <translation>Révéler l'identité</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>Niveau de risque</translation>
        </message>
        <message>
            <source>Risk level of {ref}</source>
            <translation>Niveau de risque de {ref}</translation>
        </message>
        <message>
            <source>Share with</source>
            <translation>Partager avec</translation>
        </message>
        <message>
            <source>Shows the real name, aliases, date of birth and contact until the case is locked; recorded in custody.</source>
            <translation>Affiche le vrai nom, les alias, la date de naissance et le contact jusqu'au verrouillage du dossier ; consigné dans le journal de conservation.</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Depuis le</translation>
        </message>
        <message>
            <source>Why is the risk level now {level}? The reason is kept in the custody log.</source>
            <translation>Pourquoi le niveau de risque est-il maintenant « {level} » ? Le motif est conservé dans le journal de conservation.</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>Retirer…</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, or empty if not known</source>
            <translation>AAAA-MM-JJ, ou vide si inconnue</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>non enregistré</translation>
        </message>
        <message>
            <source>one alias per line</source>
            <translation>un alias par ligne</translation>
        </message>
        <message>
            <source>optional: how it was given (kept in the case, hashed in custody)</source>
            <translation>facultatif : comment il a été donné (conservé dans le dossier, empreinte dans le journal)</translation>
        </message>
    </context>
    <context>
        <name>PersonRole</name>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>suspect</source>
            <translation>suspect</translation>
        </message>
        <message>
            <source>victim</source>
            <translation>victime</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>témoin</translation>
        </message>
    </context>
    <context>
        <name>PlaceViews</name>
        <message>
            <source>Map</source>
            <translation>Carte</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
    </context>
    <context>
        <name>PreviewPanel</name>
        <message>
            <source>100 %</source>
            <translation>100 %</translation>
        </message>
        <message>
            <source>Draw a region on the picture first (drag with the mouse, or type it in the region fields).</source>
            <translation>Tracez d'abord une zone sur l'image (faites glisser la souris, ou saisissez-la dans les champs de la zone).</translation>
        </message>
        <message>
            <source>Extracted text</source>
            <translation>Texte extrait</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Ajuster</translation>
        </message>
        <message>
            <source>Link the selected words to an element…</source>
            <translation>Lier les mots sélectionnés à un élément…</translation>
        </message>
        <message>
            <source>Loading the preview…</source>
            <translation>Chargement de l'aperçu…</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Page suivante</translation>
        </message>
        <message>
            <source>Page {n} of {count}</source>
            <translation>Page {n} sur {count}</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Page précédente</translation>
        </message>
        <message>
            <source>Select an exhibit to see its preview.</source>
            <translation>Sélectionnez une pièce pour en voir l'aperçu.</translation>
        </message>
        <message>
            <source>The file is too large to preview ({size} MiB); export the original to open it.</source>
            <translation>Le fichier est trop volumineux pour un aperçu ({size} Mio) ; exportez l'original pour l'ouvrir.</translation>
        </message>
        <message>
            <source>There is no preview for this type of file ({type}); export the original to open it.</source>
            <translation>Aucun aperçu pour ce type de fichier ({type}) ; exportez l'original pour l'ouvrir.</translation>
        </message>
        <message>
            <source>This exhibit is a record without a file: there is nothing to preview.</source>
            <translation>Cette pièce est une fiche sans fichier : il n'y a rien à afficher.</translation>
        </message>
        <message>
            <source>This image cannot be shown; export the original to open it.</source>
            <translation>Cette image ne peut pas être affichée ; exportez l'original pour l'ouvrir.</translation>
        </message>
        <message>
            <source>Type where the passage starts and ends, e.g. 0:42 and 1:10.</source>
            <translation>Saisissez le début et la fin du passage, p. ex. 0:42 et 1:10.</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom avant</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom arrière</translation>
        </message>
        <message>
            <source>pixels</source>
            <translation>pixels</translation>
        </message>
        <message>
            <source>points</source>
            <translation>points</translation>
        </message>
    </context>
    <context>
        <name>ProtectionLevel</name>
        <message>
            <source>confidential</source>
            <translation>confidentielle</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>protected</source>
            <translation>protégée</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>(default for the role)</source>
            <translation>(selon le rôle)</translation>
        </message>
        <message>
            <source>Add a person</source>
            <translation>Ajouter une personne</translation>
        </message>
        <message>
            <source>Add a source</source>
            <translation>Ajouter une source</translation>
        </message>
        <message>
            <source>Add an incident</source>
            <translation>Ajouter un incident</translation>
        </message>
        <message>
            <source>Country (code, e.g. SY)</source>
            <translation>Pays (code, p. ex. SY)</translation>
        </message>
        <message>
            <source>Credibility (1-6)</source>
            <translation>Crédibilité (1-6)</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Edit {ref}</source>
            <translation>Modifier {ref}</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>Protection</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>Nom réel</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Motif de la modification</translation>
        </message>
        <message>
            <source>Reliability (A-F)</source>
            <translation>Fiabilité (A-F)</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Sensitivity</source>
            <translation>Sensibilité</translation>
        </message>
        <message>
            <source>Source (its ref, e.g. SRC-1)</source>
            <translation>Source (sa référence, p. ex. SRC-1)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Jusqu'au</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date ou début</translation>
        </message>
    </context>
    <context>
        <name>RecordLinkDialog</name>
        <message>
            <source>Exhibits</source>
            <translation>Pièces</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lier</translation>
        </message>
        <message>
            <source>Link exhibits to a person or an incident</source>
            <translation>Lier des pièces à une personne ou un incident</translation>
        </message>
        <message>
            <source>Linked to</source>
            <translation>Liée à</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Raisonnement</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>The case has no person or incident yet: add one first (Records menu).</source>
            <translation>Le dossier n'a encore ni personne ni incident : ajoutez-en un d'abord (menu Fiches).</translation>
        </message>
        <message>
            <source>The person or incident the exhibits are linked to</source>
            <translation>La personne ou l'incident auquel les pièces sont liées</translation>
        </message>
        <message>
            <source>What does this exhibit show about them? (required)</source>
            <translation>Que montre cette pièce à leur sujet ? (obligatoire)</translation>
        </message>
    </context>
    <context>
        <name>ReviewState</name>
        <message>
            <source>accepted</source>
            <translation>accepté</translation>
        </message>
        <message>
            <source>proposed</source>
            <translation>proposé</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejeté</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;Accepter</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>&amp;Rejeter</translation>
        </message>
        <message>
            <source>Accept the selected link (Ctrl+Return): it then counts as proof</source>
            <translation>Accepter le lien sélectionné (Ctrl+Entrée) : il compte alors comme preuve</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>Élément</translation>
        </message>
        <message>
            <source>Elements starting with… (e.g. 8(2)(e)), then Enter</source>
            <translation>Éléments commençant par… (p. ex. 8(2)(e)), puis Entrée</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>Pièce</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Observed or alleged</source>
            <translation>Observé ou allégué</translation>
        </message>
        <message>
            <source>Only accepted links count as proof in the gap matrix. Another person than the author reviews.</source>
            <translation>Seuls les liens acceptés comptent comme preuve dans la matrice des lacunes. Une autre personne que l’auteur les revoit.</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Proposé par</translation>
        </message>
        <message>
            <source>Reasoning</source>
            <translation>Raisonnement</translation>
        </message>
        <message>
            <source>Reasoning: {text}</source>
            <translation>Raisonnement : {text}</translation>
        </message>
        <message>
            <source>Reject the selected link (Ctrl+Backspace): it then counts for nothing</source>
            <translation>Rejeter le lien sélectionné (Ctrl+Retour arrière) : il ne compte alors pour rien</translation>
        </message>
        <message>
            <source>Show the links to elements starting with</source>
            <translation>Afficher les liens vers les éléments commençant par</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>{link} is {state}</source>
            <translation>{link} : {state}</translation>
        </message>
        <message>
            <source>{n} link(s) awaiting review</source>
            <translation>{n} lien(s) en attente de revue</translation>
        </message>
    </context>
    <context>
        <name>RiskLevel</name>
        <message>
            <source>high</source>
            <translation>élevé</translation>
        </message>
        <message>
            <source>low</source>
            <translation>faible</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>moyen</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>inconnu</translation>
        </message>
    </context>
    <context>
        <name>SelectionActions</name>
        <message>
            <source>Add a note to {ref}</source>
            <translation>Ajouter une note à {ref}</translation>
        </message>
        <message>
            <source>Add a tag to {ref}</source>
            <translation>Ajouter une étiquette à {ref}</translation>
        </message>
        <message>
            <source>Custody entry #{seq} records the export ({at} UTC, by {who}).</source>
            <translation>L'entrée n° {seq} de la chaîne de possession enregistre l'export ({at} UTC, par {who}).</translation>
        </message>
        <message>
            <source>Custody entry hash: {hash}</source>
            <translation>Empreinte de l'entrée de la chaîne de possession : {hash}</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Export the original of {ref}</source>
            <translation>Exporter l'original de {ref}</translation>
        </message>
        <message>
            <source>Exporting {ref}…</source>
            <translation>Export de {ref}…</translation>
        </message>
        <message>
            <source>Its SHA-256 was checked against the record: the file is the original, byte for byte.</source>
            <translation>Son SHA-256 a été comparé à celui de la fiche : le fichier est l'original, octet pour octet.</translation>
        </message>
        <message>
            <source>Note (kept in the case; the custody log records that it was written, not its text):</source>
            <translation>Note (conservée dans l'affaire ; le registre de la chaîne de possession enregistre qu'elle a été écrite, pas son texte) :</translation>
        </message>
        <message>
            <source>Remove a tag from {ref}</source>
            <translation>Retirer une étiquette de {ref}</translation>
        </message>
        <message>
            <source>Select a record first.</source>
            <translation>Sélectionnez d'abord une fiche.</translation>
        </message>
        <message>
            <source>Select an exhibit first.</source>
            <translation>Sélectionnez d'abord une pièce.</translation>
        </message>
        <message>
            <source>Size: {n} bytes</source>
            <translation>Taille : {n} octets</translation>
        </message>
        <message>
            <source>Tag (a word or a short phrase; tags are not case-sensitive):</source>
            <translation>Étiquette (un mot ou une courte expression ; majuscules et minuscules sont confondues) :</translation>
        </message>
        <message>
            <source>Tag to remove:</source>
            <translation>Étiquette à retirer :</translation>
        </message>
        <message>
            <source>The case is on read-only media: the export could not be entered in the custody log.</source>
            <translation>L'affaire est sur un support en lecture seule : l'export n'a pas pu être inscrit au registre de la chaîne de possession.</translation>
        </message>
        <message>
            <source>{ref} exported.</source>
            <translation>{ref} exporté.</translation>
        </message>
        <message>
            <source>{ref} has no tags.</source>
            <translation>{ref} n'a pas d'étiquette.</translation>
        </message>
        <message>
            <source>{ref} was exported to {path}.</source>
            <translation>{ref} a été exporté vers {path}.</translation>
        </message>
    </context>
    <context>
        <name>Sensitivity</name>
        <message>
            <source>graphic</source>
            <translation>images choquantes</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>personal_data</source>
            <translation>données personnelles</translation>
        </message>
        <message>
            <source>protected_person</source>
            <translation>personne protégée</translation>
        </message>
    </context>
    <context>
        <name>ServiceErrors</name>
        <message>
            <source>acquisition note</source>
            <translation>note d'acquisition</translation>
        </message>
        <message>
            <source>alias</source>
            <translation>alias</translation>
        </message>
        <message>
            <source>case</source>
            <translation>affaire</translation>
        </message>
        <message>
            <source>charge</source>
            <translation>charge</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>contact</translation>
        </message>
        <message>
            <source>description</source>
            <translation>description</translation>
        </message>
        <message>
            <source>element link</source>
            <translation>lien à un élément</translation>
        </message>
        <message>
            <source>exhibit</source>
            <translation>pièce</translation>
        </message>
        <message>
            <source>incident</source>
            <translation>incident</translation>
        </message>
        <message>
            <source>legal analysis</source>
            <translation>analyse juridique</translation>
        </message>
        <message>
            <source>link</source>
            <translation>lien</translation>
        </message>
        <message>
            <source>name</source>
            <translation>nom</translation>
        </message>
        <message>
            <source>note</source>
            <translation>note</translation>
        </message>
        <message>
            <source>person</source>
            <translation>personne</translation>
        </message>
        <message>
            <source>place name</source>
            <translation>nom du lieu</translation>
        </message>
        <message>
            <source>quoted words</source>
            <translation>mots cités</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>motif</translation>
        </message>
        <message>
            <source>reasoning</source>
            <translation>raisonnement</translation>
        </message>
        <message>
            <source>sender line</source>
            <translation>ligne de l'expéditeur</translation>
        </message>
        <message>
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <source>source name</source>
            <translation>nom de la source</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>étiquette</translation>
        </message>
        <message>
            <source>the case is locked; unlock it again to continue</source>
            <translation>l'affaire est verrouillée ; déverrouillez-la pour continuer</translation>
        </message>
        <message>
            <source>there is no record {ref} in this case</source>
            <translation>il n'y a pas d'enregistrement {ref} dans cette affaire</translation>
        </message>
        <message>
            <source>there is no {kind} {ref} in this case</source>
            <translation>il n'y a pas de {kind} {ref} dans cette affaire</translation>
        </message>
        <message>
            <source>this case is on read-only media; copy it to a writable disk to change it</source>
            <translation>cette affaire est sur un support en lecture seule ; copiez-la sur un disque inscriptible pour la modifier</translation>
        </message>
        <message>
            <source>title</source>
            <translation>titre</translation>
        </message>
        <message>
            <source>wrong passphrase (nothing was changed)</source>
            <translation>phrase de passe erronée (rien n'a été modifié)</translation>
        </message>
        <message>
            <source>wrong recovery code (nothing was changed)</source>
            <translation>code de récupération erroné (rien n'a été modifié)</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>le champ « {field} » est obligatoire</translation>
        </message>
        <message>
            <source>{link} already links {source} to {target} ({stance}); edit it instead of adding it twice</source>
            <translation>{link} relie déjà {source} à {target} ({stance}) ; modifiez-le au lieu de l'ajouter une seconde fois</translation>
        </message>
        <message>
            <source>{ref} already has these values; nothing was changed</source>
            <translation>{ref} a déjà ces valeurs ; rien n'a été modifié</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>The case was locked. Unlock it to continue.</source>
            <translation>L'affaire a été verrouillée. Déverrouillez-la pour continuer.</translation>
        </message>
    </context>
    <context>
        <name>SidePanel</name>
        <message>
            <source>Add a note…</source>
            <translation>Ajouter une note…</translation>
        </message>
        <message>
            <source>Add a tag…</source>
            <translation>Ajouter une étiquette…</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Export the original…</source>
            <translation>Exporter l'original…</translation>
        </message>
        <message>
            <source>No text was extracted from this file.</source>
            <translation>Aucun texte n'a été extrait de ce fichier.</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Remove a tag…</source>
            <translation>Retirer une étiquette…</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
    </context>
    <context>
        <name>TableColumns</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Saisi le</translation>
        </message>
        <message>
            <source>Grading</source>
            <translation>Cotation</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Liens</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Protection</source>
            <translation>Protection</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>Pseudonyme</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Fiche</translation>
        </message>
        <message>
            <source>Ref</source>
            <translation>Réf.</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>Date (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Qui</translation>
        </message>
    </context>
    <context>
        <name>TimePrecision</name>
        <message>
            <source>day</source>
            <translation>au jour près</translation>
        </message>
        <message>
            <source>estimated</source>
            <translation>estimée</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>exacte</translation>
        </message>
        <message>
            <source>month</source>
            <translation>au mois près</translation>
        </message>
        <message>
            <source>year</source>
            <translation>à l'année près</translation>
        </message>
    </context>
    <context>
        <name>TimelineCanvas</name>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
        <message>
            <source>between {start} and {end}</source>
            <translation>entre {start} et {end}</translation>
        </message>
        <message>
            <source>the file recorded no time zone: read in the case's zone</source>
            <translation>le fichier n'indique pas de fuseau horaire : lu dans celui de l'affaire</translation>
        </message>
        <message>
            <source>time known: {precision}</source>
            <translation>date connue : {precision}</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Fit everything</source>
            <translation>Tout afficher</translation>
        </message>
        <message>
            <source>Show a longer time (-)</source>
            <translation>Afficher une période plus longue (-)</translation>
        </message>
        <message>
            <source>Show every entry (Home)</source>
            <translation>Afficher toutes les entrées (Origine)</translation>
        </message>
        <message>
            <source>Show more detail (+, or Ctrl and the mouse wheel)</source>
            <translation>Plus de détail (+, ou Ctrl et la molette)</translation>
        </message>
        <message>
            <source>times in {zone}</source>
            <translation>heures en {zone}</translation>
        </message>
        <message>
            <source>{shown} dated; not shown, without a time: {incidents} incident(s), {exhibits} exhibit(s)</source>
            <translation>{shown} datés ; non affichés, sans date : {incidents} incident(s), {exhibits} pièce(s)</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>I forgot the passphrase: use the recovery code</source>
            <translation>J'ai oublié la phrase de passe : utiliser le code de récupération</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase de passe</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Code de récupération</translation>
        </message>
        <message>
            <source>Set the new passphrase and unlock</source>
            <translation>Définir la nouvelle phrase de passe et déverrouiller</translation>
        </message>
        <message>
            <source>The custody log records who did what. A link to an element is accepted by someone other than its author, so a colleague reviewing on this computer unlocks with their own name.</source>
            <translation>Le registre de la chaîne de possession enregistre qui a fait quoi. Un lien vers un élément est accepté par une autre personne que son auteur : un collègue qui relit sur cet ordinateur déverrouille donc sous son propre nom.</translation>
        </message>
        <message>
            <source>Type the case's passphrase.</source>
            <translation>Tapez la phrase de passe de l'affaire.</translation>
        </message>
        <message>
            <source>Type the new passphrase twice (at least 12 characters).</source>
            <translation>Tapez deux fois la nouvelle phrase de passe (au moins 12 caractères).</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Déverrouiller</translation>
        </message>
        <message>
            <source>Unlock with the system keyring</source>
            <translation>Déverrouiller avec le trousseau du système</translation>
        </message>
        <message>
            <source>Unlock {name}</source>
            <translation>Déverrouiller {name}</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Déverrouillage…</translation>
        </message>
        <message>
            <source>Wrong passphrase. Nothing was changed; try again.</source>
            <translation>Phrase de passe erronée. Rien n'a été modifié ; réessayez.</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <source>Your name, as the custody log records it</source>
            <translation>Votre nom, tel que le registre de possession l'enregistre</translation>
        </message>
    </context>
    <context>
        <name>Verdict</name>
        <message>
            <source>depends</source>
            <translation>selon</translation>
        </message>
        <message>
            <source>outside</source>
            <translation>hors compétence</translation>
        </message>
        <message>
            <source>within</source>
            <translation>dans la compétence</translation>
        </message>
    </context>
    <context>
        <name>VerifyController</name>
        <message>
            <source>The case does NOT verify: {n} problem(s) found. See the details; nothing was changed.</source>
            <translation>La vérification de l'affaire ÉCHOUE : {n} problème(s) trouvé(s). Voir les détails ; rien n'a été modifié.</translation>
        </message>
        <message>
            <source>The case verifies: {n} custody entries intact, database sound, {scope}.</source>
            <translation>L'affaire est vérifiée : {n} entrées de la chaîne de possession intactes, base de données saine, {scope}.</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>Verification stopped</source>
            <translation>Vérification interrompue</translation>
        </message>
        <message>
            <source>Verifying the case: file {done} of {total}…</source>
            <translation>Vérification de l'affaire : fichier {done} sur {total}…</translation>
        </message>
        <message>
            <source>Verifying the case…</source>
            <translation>Vérification de l'affaire…</translation>
        </message>
        <message>
            <source>custody entry {seq}: {message}</source>
            <translation>entrée {seq} de la chaîne de possession : {message}</translation>
        </message>
        <message>
            <source>database: {problem}</source>
            <translation>base de données : {problem}</translation>
        </message>
        <message>
            <source>every stored file was decrypted and checked</source>
            <translation>chaque fichier conservé a été déchiffré et contrôlé</translation>
        </message>
        <message>
            <source>file</source>
            <translation>fichier</translation>
        </message>
        <message>
            <source>files by size only</source>
            <translation>fichiers contrôlés par leur taille seulement</translation>
        </message>
        <message>
            <source>{ref} (entry {seq}): {message}</source>
            <translation>{ref} (entrée {seq}) : {message}</translation>
        </message>
    </context>
    <context>
        <name>Weight</name>
        <message>
            <source>certain</source>
            <translation>certain</translation>
        </message>
        <message>
            <source>likely</source>
            <translation>probable</translation>
        </message>
        <message>
            <source>maybe</source>
            <translation>possible</translation>
        </message>
    </context>
    <context>
        <name>WelcomeWindow</name>
        <message>
            <source>&lt;h2&gt;caseapp&lt;/h2&gt;&lt;p&gt;Evidence of international crimes, kept safe and in order.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;caseapp&lt;/h2&gt;&lt;p&gt;Les preuves des crimes internationaux, en sûreté et en ordre.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Create a case…</source>
            <translation>Créer une affaire…</translation>
        </message>
        <message>
            <source>Open a case folder</source>
            <translation>Ouvrir le dossier d'une affaire</translation>
        </message>
        <message>
            <source>Open a case…</source>
            <translation>Ouvrir une affaire…</translation>
        </message>
        <message>
            <source>Recent cases</source>
            <translation>Affaires récentes</translation>
        </message>
        <message>
            <source>Remember recent cases on this computer (their names can be sensitive)</source>
            <translation>Mémoriser les affaires récentes sur cet ordinateur (leurs noms peuvent être sensibles)</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Error kind: {kind}</source>
            <translation>Type d'erreur : {kind}</translation>
        </message>
        <message>
            <source>Something went wrong inside caseapp ({kind}). What was saved before it stays saved. Please report it, with what you were doing.</source>
            <translation>Une erreur s'est produite dans caseapp ({kind}). Ce qui était enregistré avant le reste. Merci de la signaler, en indiquant ce que vous faisiez.</translation>
        </message>
        <message>
            <source>The case is locked. Unlock it again to continue.</source>
            <translation>L'affaire est verrouillée. Déverrouillez-la à nouveau pour continuer.</translation>
        </message>
        <message>
            <source>caseapp</source>
            <translation>caseapp</translation>
        </message>
    </context>
</TS>
