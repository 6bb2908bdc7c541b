<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add event “%1”</source>
        <translation>Ajouter l&apos;événement «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AddEventsCommand</name>
    <message>
        <source>The event “%1” could not be added, so none was: %2</source>
        <extracomment>%1 is an event&apos;s title, %2 the reason</extracomment>
        <translation>L&apos;événement «&#xa0;%1&#xa0;» n&apos;a pas pu être ajouté, aucun ne l&apos;a donc été&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Api</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Le corps de la requête dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The request body must be application/json.</source>
        <translation>Le corps de la requête doit être en application/json.</translation>
    </message>
    <message>
        <source>The JSON is nested more than %1 levels deep.</source>
        <translation>Le JSON est imbriqué sur plus de %1 niveaux.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON (at byte %1).</source>
        <translation>Le corps de la requête n’est pas du JSON valide (à l’octet %1).</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Le corps de la requête doit être un objet JSON.</translation>
    </message>
    <message>
        <source>The JSON holds a NUL character, which no field accepts.</source>
        <translation>Le JSON contient un caractère NUL, qu’aucun champ n’accepte.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Il n’y a rien à cette adresse.</translation>
    </message>
    <message>
        <source>The method %1 is not allowed here.</source>
        <translation>La méthode %1 n’est pas permise ici.</translation>
    </message>
    <message>
        <source>The server cannot reach its database.</source>
        <translation>Le serveur n’atteint pas sa base de données.</translation>
    </message>
    <message>
        <source>Every write needs an Idempotency-Key header of 8 to 128 characters.</source>
        <translation>Chaque écriture demande un en-tête Idempotency-Key de 8 à 128 caractères.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was already used for another request.</source>
        <translation>Cette Idempotency-Key a déjà servi pour une autre requête.</translation>
    </message>
    <message>
        <source>Unknown organisation.</source>
        <translation>Organisation inconnue.</translation>
    </message>
    <message>
        <source>The organisation %1 already exists.</source>
        <translation>L’organisation %1 existe déjà.</translation>
    </message>
    <message>
        <source>There is no organisation %1 on this server.</source>
        <translation>Il n’y a pas d’organisation %1 sur ce serveur.</translation>
    </message>
    <message>
        <source>The username %1 belongs to another organisation.</source>
        <translation>Le nom d’utilisateur %1 appartient à une autre organisation.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Log in first: this request needs a bearer token.</source>
        <translation>Connectez-vous d’abord&#xa0;: cette requête demande un jeton (bearer).</translation>
    </message>
    <message>
        <source>This session is unknown or was closed: log in again.</source>
        <translation>Cette session est inconnue ou a été fermée&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>The session has expired: log in again.</source>
        <translation>La session a expiré&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>You do not administer this organisation.</source>
        <translation>Vous n’administrez pas cette organisation.</translation>
    </message>
    <message>
        <source>Only an administrator of the organisation can do this.</source>
        <translation>Seul un administrateur de l’organisation peut faire ceci.</translation>
    </message>
    <message>
        <source>Enter your password again to open the administrator view.</source>
        <translation>Saisissez à nouveau votre mot de passe pour ouvrir la vue administrateur.</translation>
    </message>
    <message>
        <source>Give a username and a password.</source>
        <translation>Indiquez un nom d’utilisateur et un mot de passe.</translation>
    </message>
    <message>
        <source>Give a username or a mobile number.</source>
        <translation>Indiquez un nom d’utilisateur ou un numéro mobile.</translation>
    </message>
    <message>
        <source>Give the password.</source>
        <translation>Indiquez le mot de passe.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts: try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives&#xa0;: réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives&#xa0;: réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The username or the password is wrong.</source>
        <translation>Le nom d’utilisateur ou le mot de passe est erroné.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Le mot de passe est erroné.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number.</source>
        <translation>Si ce compte existe, un code pour choisir un nouveau mot de passe a été envoyé à son adresse e-mail ou à son numéro mobile.</translation>
    </message>
    <message>
        <source>Give the code received and the new password.</source>
        <translation>Indiquez le code reçu et le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>This code is not valid: it was already used, has expired or is wrong.</source>
        <translation>Ce code n’est pas valable&#xa0;: il a déjà servi, a expiré ou est erroné.</translation>
    </message>
    <message>
        <source>There is no such record.</source>
        <translation>Cet enregistrement n’existe pas.</translation>
    </message>
    <message>
        <source>The id in the body is not the one in the address.</source>
        <translation>L’identifiant du corps n’est pas celui de l’adresse.</translation>
    </message>
    <message>
        <source>The record belongs to the record in the address.</source>
        <translation>L’enregistrement appartient à celui de l’adresse.</translation>
    </message>
    <message>
        <source>The record was changed by someone else since you read it (now version %1).</source>
        <translation>L’enregistrement a été modifié par quelqu’un d’autre depuis votre lecture (version %1 à présent).</translation>
    </message>
    <message>
        <source>A change needs If-Match with the version it is based on, or If-None-Match: * to create.</source>
        <translation>Une modification demande If-Match avec la version dont elle part, ou If-None-Match&#xa0;: * pour créer.</translation>
    </message>
    <message>
        <source>The field %1 refers to a record that does not exist.</source>
        <translation>Le champ %1 renvoie à un enregistrement qui n’existe pas.</translation>
    </message>
    <message>
        <source>Another record already uses %1.</source>
        <translation>Un autre enregistrement utilise déjà %1.</translation>
    </message>
    <message>
        <source>An organisation is not deleted through the API.</source>
        <translation>Une organisation ne se supprime pas par l’API.</translation>
    </message>
    <message>
        <source>A deletion needs If-Match with the version it is based on.</source>
        <translation>Une suppression demande If-Match avec la version dont elle part.</translation>
    </message>
    <message>
        <source>This record is still used by a record of type %1 (%2): change that one first.</source>
        <translation>Cet enregistrement est encore utilisé par un enregistrement de type %1 (%2)&#xa0;: modifiez d’abord celui-là.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 1000.</source>
        <translation>limit doit être un nombre entier de 1 à 1000.</translation>
    </message>
    <message>
        <source>This list can be sorted by %1 only.</source>
        <translation>Cette liste ne se trie que par %1.</translation>
    </message>
    <message>
        <source>The cursor is not one this server gave.</source>
        <translation>Ce curseur ne vient pas de ce serveur.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 5000.</source>
        <translation>limit doit être un nombre entier de 1 à 5000.</translation>
    </message>
    <message>
        <source>Unknown entity %1.</source>
        <translation>Entité inconnue %1.</translation>
    </message>
    <message>
        <source>This cursor is older than the deletions the server keeps: pull everything again from the start.</source>
        <translation>Ce curseur est plus ancien que les suppressions que garde le serveur&#xa0;: reprenez tout depuis le début.</translation>
    </message>
    <message>
        <source>A batch needs a list of operations.</source>
        <translation>Un lot demande une liste d’opérations.</translation>
    </message>
    <message>
        <source>A batch holds at most %1 operations.</source>
        <translation>Un lot contient au plus %1 opérations.</translation>
    </message>
    <message>
        <source>onError must be stop or continue.</source>
        <translation>onError doit valoir stop ou continue.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s method is PUT, POST or DELETE.</source>
        <translation>La méthode d’une opération de lot est PUT, POST ou DELETE.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s path is a record of the organisation.</source>
        <translation>Le chemin d’une opération de lot est un enregistrement de l’organisation.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override is only honoured on POST.</source>
        <translation>X-HTTP-Method-Override n’est respecté que sur POST.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override takes PUT or DELETE.</source>
        <translation>X-HTTP-Method-Override accepte PUT ou DELETE.</translation>
    </message>
    <message>
        <source>Reload at most %1 phones at a time.</source>
        <translation>Rechargez au plus %1 téléphones à la fois.</translation>
    </message>
    <message>
        <source>Name the phones to reload, by id or MAC address.</source>
        <translation>Indiquez les téléphones à recharger, par identifiant ou adresse MAC.</translation>
    </message>
    <message>
        <source>There is no phone %1.</source>
        <translation>Le téléphone %1 n’existe pas.</translation>
    </message>
    <message>
        <source>This change needs If-Match with the version of the record it changes.</source>
        <translation>Cette modification demande If-Match avec la version de l’enregistrement qu’elle modifie.</translation>
    </message>
    <message>
        <source>This user has no photo.</source>
        <translation>Cet utilisateur n’a pas de photo.</translation>
    </message>
    <message>
        <source>A photo is sent as image/jpeg.</source>
        <translation>Une photo s’envoie en image/jpeg.</translation>
    </message>
    <message>
        <source>The user has no e-mail address: add one, or send by SMS.</source>
        <translation>L’utilisateur n’a pas d’adresse e-mail&#xa0;: ajoutez-en une, ou envoyez par SMS.</translation>
    </message>
    <message>
        <source>The user has no mobile number: add one, or send by e-mail.</source>
        <translation>L’utilisateur n’a pas de numéro mobile&#xa0;: ajoutez-en un, ou envoyez par e-mail.</translation>
    </message>
    <message>
        <source>Choose one or more of web, mobile and softphone, each once.</source>
        <translation>Choisissez un ou plusieurs accès parmi web, mobile et softphone, chacun une fois.</translation>
    </message>
    <message>
        <source>delivery must be auto, email or sms.</source>
        <translation>delivery doit valoir auto, email ou sms.</translation>
    </message>
    <message>
        <source>Welcome at most %1 users at a time.</source>
        <translation>Accueillez au plus %1 utilisateurs à la fois.</translation>
    </message>
    <message>
        <source>Name the users to welcome, by id or username.</source>
        <translation>Indiquez les utilisateurs à accueillir, par identifiant ou nom d’utilisateur.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>L’utilisateur %1 n’existe pas.</translation>
    </message>
    <message>
        <source>status must be sent, queued or failed.</source>
        <translation>status doit valoir sent, queued ou failed.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>Ce message n’existe pas.</translation>
    </message>
    <message>
        <source>Give exactly one of userId and functionId.</source>
        <translation>Indiquez soit userId, soit functionId.</translation>
    </message>
    <message>
        <source>The number %1 is already assigned: release it first.</source>
        <translation>Le numéro %1 est déjà attribué&#xa0;: libérez-le d’abord.</translation>
    </message>
    <message>
        <source>This assignee already has the number %1.</source>
        <translation>Ce destinataire a déjà le numéro %1.</translation>
    </message>
    <message>
        <source>This prompt has no audio yet.</source>
        <translation>Cette invite vocale n’a pas encore d’audio.</translation>
    </message>
    <message>
        <source>Prompt audio is sent as audio/wav.</source>
        <translation>L’audio d’une invite vocale s’envoie en audio/wav.</translation>
    </message>
    <message>
        <source>at is a local time such as 2027-01-01T08:30:00.</source>
        <translation>at est une heure locale comme 2027-01-01T08:30:00.</translation>
    </message>
    <message>
        <source>transitions must be a whole number from 0 to 50.</source>
        <translation>transitions doit être un nombre entier de 0 à 50.</translation>
    </message>
    <message>
        <source>A calendar is sent as text/calendar.</source>
        <translation>Un calendrier s’envoie en text/calendar.</translation>
    </message>
    <message>
        <source>mode must be replace or append.</source>
        <translation>mode doit valoir replace ou append.</translation>
    </message>
    <message>
        <source>The calendar cannot be imported: %1</source>
        <translation>Le calendrier ne peut pas être importé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; cannot be imported: %2</source>
        <translation>L’événement «&#xa0;%1&#xa0;» ne peut pas être importé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nobody answered the phone.</source>
        <translation>Personne n’a décroché.</translation>
    </message>
    <message>
        <source>The phone was busy.</source>
        <translation>Le téléphone était occupé.</translation>
    </message>
    <message>
        <source>The call was declined.</source>
        <translation>L’appel a été refusé.</translation>
    </message>
    <message>
        <source>The call ended before the beep: nothing was recorded.</source>
        <translation>L’appel s’est terminé avant le bip&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The recording lasted less than half a second.</source>
        <translation>L’enregistrement a duré moins d’une demi-seconde.</translation>
    </message>
    <message>
        <source>This user has no desk phone with a SIP address to call.</source>
        <translation>Cet utilisateur n’a pas de téléphone de bureau avec une adresse SIP à appeler.</translation>
    </message>
    <message>
        <source>The recording could not be stored as a voice prompt.</source>
        <translation>L’enregistrement n’a pas pu être enregistré comme invite vocale.</translation>
    </message>
    <message>
        <source>The call could not be made; the server&apos;s log tells why.</source>
        <translation>L’appel n’a pas pu être passé&#xa0;; le journal du serveur en donne la raison.</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Choisissez l’utilisateur dont le téléphone sera appelé.</translation>
    </message>
    <message>
        <source>There is no user %1 in this organisation.</source>
        <translation>Il n’y a pas d’utilisateur %1 dans cette organisation.</translation>
    </message>
    <message>
        <source>This voice prompt is already being recorded by a call.</source>
        <translation>Cette invite vocale est déjà en cours d’enregistrement par un appel.</translation>
    </message>
    <message>
        <source>There is no such call.</source>
        <translation>Cet appel n’existe pas.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>aucun détail</translation>
    </message>
    <message>
        <source>No mail server is configured on the Centrale server: the message waits until one is (centrale-server serve --smtp).</source>
        <translation>Aucun serveur de messagerie n’est configuré sur le serveur Centrale&#xa0;: le message attend qu’il y en ait un (centrale-server serve --smtp).</translation>
    </message>
    <message>
        <source>No SMS gateway is configured on the Centrale server: the message waits until one is (centrale-server serve --sms-gateway).</source>
        <translation>Aucune passerelle SMS n’est configurée sur le serveur Centrale&#xa0;: le message attend qu’il y en ait une (centrale-server serve --sms-gateway).</translation>
    </message>
    <message numerus="yes">
        <source>The mail server could not take the message after %n attempt(s) (%1): check the server&apos;s mail settings, then send the message again.</source>
        <translation>
            <numerusform>Le serveur de messagerie n’a pas pu prendre le message après %n essai (%1)&#xa0;: vérifiez les réglages de messagerie du serveur, puis envoyez le message à nouveau.</numerusform>
            <numerusform>Le serveur de messagerie n’a pas pu prendre le message après %n essais (%1)&#xa0;: vérifiez les réglages de messagerie du serveur, puis envoyez le message à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail server cannot take the message for now (%1); another attempt is planned.</source>
        <translation>Le serveur de messagerie ne peut pas prendre le message pour l’instant (%1)&#xa0;; un nouvel essai est prévu.</translation>
    </message>
    <message numerus="yes">
        <source>The SMS gateway could not take the message after %n attempt(s) (%1): check the server&apos;s SMS settings, then send the message again.</source>
        <translation>
            <numerusform>La passerelle SMS n’a pas pu prendre le message après %n essai (%1)&#xa0;: vérifiez les réglages SMS du serveur, puis envoyez le message à nouveau.</numerusform>
            <numerusform>La passerelle SMS n’a pas pu prendre le message après %n essais (%1)&#xa0;: vérifiez les réglages SMS du serveur, puis envoyez le message à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SMS gateway cannot take the message for now (%1); another attempt is planned.</source>
        <translation>La passerelle SMS ne peut pas prendre le message pour l’instant (%1)&#xa0;; un nouvel essai est prévu.</translation>
    </message>
    <message>
        <source>The message was refused (%1): check the user&apos;s e-mail address or mobile number, then send it again.</source>
        <translation>Le message a été refusé (%1)&#xa0;: vérifiez l’adresse e-mail ou le numéro mobile de l’utilisateur, puis envoyez-le à nouveau.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid: correct it, then send the message again.</source>
        <translation>L’adresse e-mail n’est pas valable&#xa0;: corrigez-la, puis envoyez le message à nouveau.</translation>
    </message>
    <message>
        <source>The mobile number is not valid: correct it, then send the message again.</source>
        <translation>Le numéro mobile n’est pas valable&#xa0;: corrigez-le, puis envoyez le message à nouveau.</translation>
    </message>
    <message>
        <source>The code expired before the message could be sent: send the message again.</source>
        <translation>Le code a expiré avant que le message puisse être envoyé&#xa0;: envoyez le message à nouveau.</translation>
    </message>
    <message>
        <source>pinHash must be an Argon2id hash.</source>
        <translation>pinHash doit être une empreinte Argon2id.</translation>
    </message>
    <message>
        <source>passwordHash must be an Argon2id hash.</source>
        <translation>passwordHash doit être un hachage Argon2id.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The store file to open (default: the per-user store).</source>
        <translation>Le fichier de base de données à ouvrir (par défaut&#xa0;: la base de données de l&apos;utilisateur actuel).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>The language of the interface: fr, nl or en.</source>
        <translation>La langue de l&apos;interface&#xa0;: fr, nl ou en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>%1 is not a language Centrale speaks; use fr, nl or en.</source>
        <translation>%1 n&apos;est pas une langue prise en charge par Centrale&#xa0;; utilisez fr, nl ou en.</translation>
    </message>
    <message>
        <source>Centrale</source>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>The store %1 cannot be opened.

%2</source>
        <translation>Impossible d&apos;ouvrir la base de données %1.

%2</translation>
    </message>
    <message>
        <source>The demo organisation could not be created.

%1</source>
        <translation>L&apos;organisation de démonstration n&apos;a pas pu être créée.

%1</translation>
    </message>
</context>
<context>
    <name>BulkCommands</name>
    <message>
        <source>Check the file and print what would change; write nothing.</source>
        <translation>Vérifie le fichier et affiche ce qui changerait&#xa0;; n&apos;écrit rien.</translation>
    </message>
    <message>
        <source>Import the valid rows even when some rows are rejected (those are skipped).</source>
        <translation>Importe les lignes valides même si certaines lignes sont refusées (celles-ci sont ignorées).</translation>
    </message>
    <message>
        <source>Separate the columns with commas (default: semicolons, as Excel in Belgium).</source>
        <translation>Sépare les colonnes par des virgules (par défaut&#xa0;: points-virgules, comme Excel en Belgique).</translation>
    </message>
    <message>
        <source>Only the contacts of one level: organisation, group or user.</source>
        <translation>Uniquement les contacts d&apos;un niveau&#xa0;: organisation, group ou user.</translation>
    </message>
    <message>
        <source>level</source>
        <extracomment>placeholder of --scope: organisation, group or user</extracomment>
        <translation>niveau</translation>
    </message>
    <message>
        <source>With --scope group or user: the group&apos;s name or the username.</source>
        <translation>Avec --scope group ou user&#xa0;: le nom du groupe ou le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Columns not understood (ignored): %1</source>
        <translation>Colonnes non reconnues (ignorées)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Importer un fichier.</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8; comma or semicolon).</source>
        <translation>Le fichier CSV (UTF-8&#xa0;; virgule ou point-virgule).</translation>
    </message>
    <message>
        <source>Give exactly one CSV file.</source>
        <translation>Indiquez exactement un fichier CSV.</translation>
    </message>
    <message>
        <source>Skipped the rejected rows on lines %1.</source>
        <translation>Lignes refusées ignorées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Importé&#xa0;: %1 créés, %2 modifiés.</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Action inconnue ou manquante.</translation>
    </message>
    <message>
        <source>Export every user, with groups and direct number, to a CSV file (UTF-8 with BOM, see docs/csv.md).</source>
        <translation>Exporte tous les utilisateurs, avec leurs groupes et leur numéro direct, dans un fichier CSV (UTF-8 avec BOM, voir docs/csv.md).</translation>
    </message>
    <message>
        <source>Export to a file.</source>
        <translation>Exporter dans un fichier.</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>Le fichier CSV à écrire.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1.</source>
        <translation>
            <numerusform>%n utilisateur exporté dans %1.</numerusform>
            <numerusform>%n utilisateurs exportés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts to a CSV file (UTF-8 with BOM, see docs/csv.md): all, or one level with --scope and --owner.</source>
        <translation>Exporte des contacts dans un fichier CSV (UTF-8 avec BOM, voir docs/csv.md)&#xa0;: tous, ou un niveau avec --scope et --owner.</translation>
    </message>
    <message>
        <source>--owner needs --scope group or --scope user.</source>
        <translation>--owner nécessite --scope group ou --scope user.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>%n contact exporté dans %1.</numerusform>
            <numerusform>%n contacts exportés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import users from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Importe des utilisateurs depuis un fichier CSV (voir docs/csv.md). Le fichier est d&apos;abord vérifié&#xa0;; rien n&apos;est écrit sauf si toutes les lignes sont valides ou si --skip-rejected est indiqué.</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Importe des contacts depuis un fichier CSV (voir docs/csv.md). Le fichier est d&apos;abord vérifié&#xa0;; rien n&apos;est écrit sauf si toutes les lignes sont valides ou si --skip-rejected est indiqué.</translation>
    </message>
    <message>
        <source>Checking the file: %1%</source>
        <translation>Vérification du fichier&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <source>Importing: %1%</source>
        <translation>Importation&#xa0;: %1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>CalendarCommands</name>
    <message>
        <source>--%1: %2 is not a date and time; write it in ISO 8601, e.g. 2027-01-01T10:00:00 (local time) or 2027-03-29T08:45:00+02:00.</source>
        <translation>--%1&#xa0;: %2 n&apos;est pas une date et une heure&#xa0;; écrivez-la en ISO 8601, par ex. 2027-01-01T10:00:00 (heure locale) ou 2027-03-29T08:45:00+02:00.</translation>
    </message>
    <message>
        <source>Show and change the calendar of a function number.</source>
        <translation>Afficher et modifier le calendrier d&apos;un numéro de fonction.</translation>
    </message>
    <message>
        <source>The function number, in any usual format (e.g. &quot;02 300 00 00&quot;).</source>
        <translation>Le numéro de fonction, dans n&apos;importe quel format usuel (par ex. «&#xa0;02&#xa0;300 00 00&#xa0;»).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>The instant to ask about (ISO 8601; default: now).</source>
        <translation>L&apos;instant demandé (ISO 8601&#xa0;; par défaut&#xa0;: maintenant).</translation>
    </message>
    <message>
        <source>when</source>
        <translation>quand</translation>
    </message>
    <message>
        <source>Start of the period (ISO 8601).</source>
        <translation>Début de la période (ISO 8601).</translation>
    </message>
    <message>
        <source>End of the period (ISO 8601).</source>
        <translation>Fin de la période (ISO 8601).</translation>
    </message>
    <message>
        <source>State of the imported events: open or closed (default: as in the file, else closed).</source>
        <translation>État des événements importés&#xa0;: open (ouvert) ou closed (fermé) (par défaut&#xa0;: comme dans le fichier, sinon fermé).</translation>
    </message>
    <message>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <source>Name of the voice prompt the imported events play (default: as in the file).</source>
        <translation>Nom de l&apos;invite vocale que jouent les événements importés (par défaut&#xa0;: comme dans le fichier).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>First year of holidays.</source>
        <translation>Première année des jours fériés.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>Last year of holidays.</source>
        <translation>Dernière année des jours fériés.</translation>
    </message>
    <message>
        <source>Also the communities&apos; holidays (11 July, 27 September, 15 November).</source>
        <translation>Aussi les fêtes des communautés (11 juillet, 27 septembre, 15 novembre).</translation>
    </message>
    <message>
        <source>default, events, state, transitions, import, export or holidays.</source>
        <translation>default, events, state, transitions, import, export ou holidays.</translation>
    </message>
    <message>
        <source>Unknown or missing action; use one of: %1.</source>
        <translation>Action inconnue ou manquante&#xa0;; utilisez l&apos;une de celles-ci&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Say which function number with --number, e.g. --number &quot;02 300 00 00&quot;.</source>
        <translation>Indiquez le numéro de fonction avec --number, par ex. --number &quot;02&#xa0;300 00 00&quot;.</translation>
    </message>
    <message>
        <source>transitions needs --from and --to.</source>
        <translation>transitions nécessite --from et --to.</translation>
    </message>
    <message>
        <source>--to must come after --from.</source>
        <translation>--to doit venir après --from.</translation>
    </message>
    <message>
        <source>import needs the .ics file to read, e.g. calendar import holidays.ics --number N.</source>
        <translation>import nécessite le fichier .ics à lire, par ex. calendar import holidays.ics --number N.</translation>
    </message>
    <message>
        <source>export needs the .ics file to write, e.g. calendar export --number N calendar.ics.</source>
        <translation>export nécessite le fichier .ics à écrire, par ex. calendar export --number N calendar.ics.</translation>
    </message>
    <message>
        <source>default needs open or closed.</source>
        <translation>default nécessite open ou closed.</translation>
    </message>
    <message>
        <source>holidays needs --from-year and --to-year.</source>
        <translation>holidays nécessite --from-year et --to-year.</translation>
    </message>
    <message>
        <source>%1 (%2) is now %3 when no event applies.</source>
        <translation>%1 (%2) est désormais «&#xa0;%3&#xa0;» quand aucun événement ne s&apos;applique.</translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>Column headers of &quot;calendar events&quot;; &quot;#&quot; is the priority (1 = first)</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Invite vocale</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Default state: %1</source>
        <translation>État par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: %4</source>
        <translation>%1 (%2) à %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Invite vocale&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>Décidé par&#xa0;: %1</translation>
    </message>
    <message>
        <source>the default state</source>
        <translation>l&apos;état par défaut</translation>
    </message>
    <message>
        <source>(default state)</source>
        <translation>(état par défaut)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Décidé par</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Imported into %1 (%2): %3</source>
        <translation>Importés dans %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignorés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported the calendar of %1 (%2 events) to %3.</source>
        <translation>Calendrier de %1 (%2 événements) exporté vers %3.</translation>
    </message>
    <message>
        <source>Give years between 1900 and 2200, --from-year not after --to-year, at most 100 years at once (got %1 to %2).</source>
        <translation>Indiquez des années entre 1900 et 2200, --from-year au plus tard --to-year, 100 ans au maximum à la fois (reçu&#xa0;: %1 à %2).</translation>
    </message>
    <message>
        <source>Added %1 holidays (%2 to %3) at the top of the calendar of %4.</source>
        <translation>%1 jours fériés (%2 à %3) ajoutés en tête du calendrier de %4.</translation>
    </message>
    <message>
        <source>Create a function number.</source>
        <translation>Créer un numéro de fonction.</translation>
    </message>
    <message>
        <source>Its name, e.g. Reception.</source>
        <translation>Son nom, par ex. Accueil.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>add NUMBER: the number, in any usual format.</source>
        <translation>add NUMÉRO&#xa0;: le numéro, dans n&apos;importe quel format usuel.</translation>
    </message>
    <message>
        <source>Usage: functions add NUMBER --name TEXT</source>
        <translation>Utilisation&#xa0;: functions add NUMÉRO --name TEXTE</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2), taken from the pool.</source>
        <translation>Numéro de fonction %1 (%2) créé, pris dans le pool.</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2).</source>
        <translation>Numéro de fonction %1 (%2) créé.</translation>
    </message>
</context>
<context>
    <name>CallInstructions</name>
    <message>
        <source>The spoken instruction %1 cannot be used: %2</source>
        <translation>La consigne parlée %1 est inutilisable&#xa0;: %2</translation>
    </message>
    <message>
        <source>The folder of spoken instructions %1 does not exist.</source>
        <translation>Le dossier de consignes parlées %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The spoken instruction %1 is missing: the folder needs fr.wav, nl.wav and en.wav.</source>
        <translation>La consigne parlée %1 est absente&#xa0;: le dossier doit contenir fr.wav, nl.wav et en.wav.</translation>
    </message>
</context>
<context>
    <name>CliIo</name>
    <message>
        <source>There is no store at %1. Create one with: centrale-cli demo --store %1</source>
        <translation>Il n&apos;y a pas de base de données à l&apos;emplacement %1. Créez-en une avec&#xa0;: centrale-cli demo --store %1</translation>
    </message>
</context>
<context>
    <name>CliParser</name>
    <message>
        <source>The store file to use (default: the per-user store).</source>
        <translation>Le fichier de base de données à utiliser (par défaut&#xa0;: la base de données de l&apos;utilisateur actuel).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Afficher le résultat au format JSON.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown option %1.</source>
        <translation>Option %1 inconnue.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Commande %1 inconnue.</translation>
    </message>
    <message>
        <source>Create the demo organisation in a new store.</source>
        <translation>Créer l&apos;organisation de démonstration dans une nouvelle base de données.</translation>
    </message>
    <message>
        <source>Number of users (default 48; up to 500 000 for scale work).</source>
        <translation>Nombre d&apos;utilisateurs (48 par défaut&#xa0;; jusqu&apos;à 500&#xa0;000 pour les tests de charge).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>--users needs a positive whole number, not %1.</source>
        <translation>--users attend un nombre entier positif, et non %1.</translation>
    </message>
    <message>
        <source>%1 already exists; the demo is created in a new store only.</source>
        <translation>%1 existe déjà&#xa0;; la démonstration ne peut être créée que dans une nouvelle base de données.</translation>
    </message>
    <message>
        <source>Creating the demo organisation: %1%</source>
        <translation>Création de l&apos;organisation de démonstration&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <source>Created %1 in %2: %3 users, %4 groups, %5 contacts, %6 numbers, %7 function numbers, %8 phones (%9 s).</source>
        <translation>%1 créée dans %2&#xa0;: %3 utilisateurs, %4 groupes, %5 contacts, %6 numéros, %7 numéros de fonction, %8 téléphones (%9 s).</translation>
    </message>
    <message>
        <source>Unknown or missing action; try: list.</source>
        <translation>Action inconnue ou manquante&#xa0;; essayez&#xa0;: list.</translation>
    </message>
    <message>
        <source>List users.</source>
        <translation>Répertorier les utilisateurs.</translation>
    </message>
    <message>
        <source>Only users whose name, username, email or number contains the text.</source>
        <translation>Uniquement les utilisateurs dont le nom, le nom d&apos;utilisateur, l&apos;e-mail ou le numéro contient le texte.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>Sort by lastName, firstName, username, email, mobile or directNumber.</source>
        <translation>Trier par lastName, firstName, username, email, mobile ou directNumber.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>Sort in descending order.</source>
        <translation>Trier par ordre décroissant.</translation>
    </message>
    <message>
        <source>Show at most this many users.</source>
        <translation>Afficher au maximum ce nombre d&apos;utilisateurs.</translation>
    </message>
    <message>
        <source>Skip this many users first.</source>
        <translation>Ignorer d&apos;abord ce nombre d&apos;utilisateurs.</translation>
    </message>
    <message>
        <source>%1 is not a sort key; use one of: %2.</source>
        <translation>%1 n&apos;est pas une clé de tri&#xa0;; utilisez l&apos;une des clés suivantes&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Numéro direct</translation>
    </message>
    <message>
        <source>List user groups.</source>
        <translation>Répertorier les groupes d&apos;utilisateurs.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>List contacts.</source>
        <translation>Répertorier les contacts.</translation>
    </message>
    <message>
        <source>The contacts this user sees: the organisation&apos;s, its groups&apos; and its own.</source>
        <translation>Les contacts que voit cet utilisateur&#xa0;: ceux de l&apos;organisation, ceux de ses groupes et les siens.</translation>
    </message>
    <message>
        <source>username</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>Only contacts whose name, company, email or number contains the text.</source>
        <translation>Uniquement les contacts dont le nom, la société, l&apos;e-mail ou le numéro contient le texte.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Défini pour</translation>
    </message>
    <message>
        <source>List the pool of direct numbers.</source>
        <translation>Répertorier le pool de numéros directs.</translation>
    </message>
    <message>
        <source>Only the numbers that are not assigned.</source>
        <translation>Uniquement les numéros qui ne sont pas attribués.</translation>
    </message>
    <message>
        <source>List numbers.</source>
        <translation>Répertorier les numéros.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>List function numbers.</source>
        <translation>Répertorier les numéros de fonction.</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>État par défaut</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Usage: centrale-cli [--store PATH] [--json] COMMAND [OPTIONS]

Commands:
  demo [--users N]              create the demo organisation domaincustomer.be in a new store
  users list [--filter TEXT]    list users (sorted by last name)
  groups list                   list user groups
  contacts list [--user NAME]   list contacts; with --user, the contacts that user sees and where each comes from
  numbers list [--free]         list the pool of direct numbers
  users import FILE.csv         import users from CSV (--dry-run, --skip-rejected; see docs/csv.md)
  users export FILE.csv         export users to CSV (semicolons; --comma)
  contacts import FILE.csv      import contacts from CSV (--dry-run, --skip-rejected)
  contacts export FILE.csv      export contacts to CSV (--comma, --scope LEVEL --owner NAME)
  functions list                list function numbers
  functions add NUMBER --name TEXT   create a function number (taken from the pool when it is there and free)
  calendar default --number N open|closed   the state when no event applies
  calendar events --number N    list a function number&apos;s events in priority order
  calendar state --number N [--at ISO8601]   state, prompt and deciding event (default: now)
  calendar transitions --number N --from ISO8601 --to ISO8601   when the state changes
  calendar import FILE.ics --number N [--state open|closed] [--prompt NAME]   import events (lists what was skipped and why)
  calendar export --number N OUT.ics   export the calendar to iCalendar
  calendar holidays --from-year Y --to-year Y [--communities] --number N   add Belgian public holidays at the top
  prompt convert IN OUT         convert an audio file to a voice prompt (WAV, A-law, 8000 Hz, mono)
  prompt import FILE            store a file as a new voice prompt (--name, --description)
  prompt list                   list voice prompts and the calendar events that use them
  prompt export NAME OUT        write a voice prompt&apos;s audio to a WAV file
  prompt delete NAME            delete a voice prompt that no calendar event uses
  phones list|add|key|keys|render|reload|template   SIP phones, their keys, key templates and provisioning files (phones --help)

Options:
  --store PATH   the store file (default: %1)
  --json         print listings as JSON
  --help         show help for a command
  --version      show the version

Exit codes: 0 success, 1 the request failed, 2 wrong command line, 3 the store cannot be opened or written.
</source>
        <translation>Utilisation&amp;#xa0;: centrale-cli [--store CHEMIN] [--json] COMMANDE [OPTIONS]

Commandes&amp;#xa0;:
  demo [--users N]              crée l&apos;organisation de démonstration domaincustomer.be dans une nouvelle base de données
  users list [--filter TEXTE]   répertorie les utilisateurs (triés par nom)
  groups list                   répertorie les groupes d&apos;utilisateurs
  contacts list [--user NOM]    répertorie les contacts&amp;#xa0;; avec --user, les contacts que voit cet utilisateur et leur provenance
  numbers list [--free]         répertorie le pool de numéros directs
  users import FICHIER.csv      importe des utilisateurs depuis un fichier CSV (--dry-run, --skip-rejected&amp;#xa0;; voir docs/csv.md)
  users export FICHIER.csv      exporte les utilisateurs en CSV (points-virgules&amp;#xa0;; --comma)
  contacts import FICHIER.csv   importe des contacts depuis un fichier CSV (--dry-run, --skip-rejected)
  contacts export FICHIER.csv   exporte les contacts en CSV (--comma, --scope NIVEAU --owner NOM)
  functions list                répertorie les numéros de fonction
  functions add NUMÉRO --name TEXTE   crée un numéro de fonction (pris dans le pool s&apos;il s&apos;y trouve et est libre)
  calendar default --number N open|closed   l&apos;état quand aucun événement ne s&apos;applique
  calendar events --number N    répertorie les événements d&apos;un numéro de fonction par ordre de priorité
  calendar state --number N [--at ISO8601]   état, invite vocale et événement qui décide (par défaut&amp;#xa0;: maintenant)
  calendar transitions --number N --from ISO8601 --to ISO8601   quand l&apos;état change
  calendar import FICHIER.ics --number N [--state open|closed] [--prompt NOM]   importe des événements (indique ce qui a été ignoré et pourquoi)
  calendar export --number N CIBLE.ics   exporte le calendrier au format iCalendar
  calendar holidays --from-year A --to-year A [--communities] --number N   ajoute les jours fériés belges en tête
  prompt convert SOURCE CIBLE   convertit un fichier audio en invite vocale (WAV, A-law, 8000 Hz, mono)
  prompt import FICHIER         enregistre un fichier comme nouvelle invite vocale (--name, --description)
  prompt list                   répertorie les invites vocales et les événements des calendriers qui les utilisent
  prompt export NOM CIBLE       écrit l&apos;audio d&apos;une invite vocale dans un fichier WAV
  prompt delete NOM             supprime une invite vocale qu&apos;aucun événement de calendrier n&apos;utilise
  phones list|add|key|keys|render|reload|template   téléphones SIP, leurs touches, modèles de touches et fichiers de provisionnement (phones --help)

Options&amp;#xa0;:
  --store CHEMIN   le fichier de base de données (par défaut&amp;#xa0;: %1)
  --json           affiche les listes au format JSON
  --help           affiche l&apos;aide d&apos;une commande
  --version        affiche la version

Codes de sortie&amp;#xa0;: 0 succès, 1 la demande a échoué, 2 ligne de commande incorrecte, 3 la base de données ne peut pas être ouverte ou écrite.
</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Groupe d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>%1 is not a contact level; use organisation, group or user.</source>
        <translation>%1 n&apos;est pas un niveau de contact&#xa0;; utilisez organisation, group ou user.</translation>
    </message>
    <message>
        <source>A contact needs a first name, a last name or a company.</source>
        <translation>Un contact doit avoir un prénom, un nom ou une société.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>An organisation contact cannot belong to a group or a user.</source>
        <translation>Un contact de l&apos;organisation ne peut pas appartenir à un groupe ni à un utilisateur.</translation>
    </message>
    <message>
        <source>Choose the group or the user this contact belongs to.</source>
        <translation>Choisissez le groupe ou l&apos;utilisateur auquel ce contact appartient.</translation>
    </message>
    <message>
        <source>Add at least one phone number (always in the +32 format).</source>
        <translation>Ajoutez au moins un numéro de téléphone (toujours au format +32).</translation>
    </message>
    <message>
        <source>Number label</source>
        <translation>Libellé du numéro</translation>
    </message>
</context>
<context>
    <name>ContactCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>La ligne a %1 champs mais l&apos;en-tête nomme %2 colonnes&#xa0;; vérifiez les séparateurs et les guillemets.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>Il n&apos;y a pas de groupe d&apos;utilisateurs %1&#xa0;; créez-le d&apos;abord ou corrigez le nom.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur %1.</translation>
    </message>
    <message>
        <source>An organisation contact has no owner; leave the owner column empty.</source>
        <translation>Un contact de l&apos;organisation n&apos;a pas de propriétaire&#xa0;; laissez la colonne owner vide.</translation>
    </message>
    <message>
        <source>The same contact is already on line %1 of the file.</source>
        <translation>Le même contact figure déjà à la ligne %1 du fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n ligne du fichier est refusée&#xa0;; rien n&apos;a été importé. Corrigez-la, ou importez les autres lignes en l&apos;ignorant.</numerusform>
            <numerusform>%n lignes du fichier sont refusées&#xa0;; rien n&apos;a été importé. Corrigez-les, ou importez les autres lignes en les ignorant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Ligne %1&#xa0;: %2 Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>ContactRepository</name>
    <message>
        <source>The contact&apos;s group does not exist.</source>
        <translation>Le groupe du contact n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The contact&apos;s user does not exist.</source>
        <translation>L&apos;utilisateur du contact n&apos;existe pas.</translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation>Ce contact n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>CopyCalendarCommand</name>
    <message numerus="yes">
        <source>Copy calendar to %n function number(s)</source>
        <translation>
            <numerusform>Copier le calendrier vers %n numéro de fonction</numerusform>
            <numerusform>Copier le calendrier vers %n numéros de fonction</numerusform>
        </translation>
    </message>
    <message>
        <source>The calendar was not copied to %1: %2</source>
        <extracomment>%1 is a function number&apos;s name, %2 the reason</extracomment>
        <translation>Le calendrier n&apos;a pas été copié vers %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>CsvTable</name>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>Le fichier est vide&#xa0;: la première ligne doit donner le nom des colonnes.</translation>
    </message>
    <message>
        <source>Line %1 is not UTF-8 text. Save the file as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>La ligne %1 n&apos;est pas du texte UTF-8. Enregistrez le fichier au format «&#xa0;CSV UTF-8&#xa0;» et importez-le à nouveau.</translation>
    </message>
    <message>
        <source>Cannot read the file: out of memory.</source>
        <translation>Impossible de lire le fichier&#xa0;: mémoire insuffisante.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: %2. Check the quotes around that field.</source>
        <translation>La ligne %1 est illisible&#xa0;: %2. Vérifiez les guillemets autour de ce champ.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: a quoted field is not closed.</source>
        <translation>La ligne %1 est illisible&#xa0;: un champ entre guillemets n&apos;est pas fermé.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file has no column %1; the first line must name the columns (%2).</source>
        <translation>Le fichier n&apos;a pas de colonne %1&#xa0;; la première ligne doit donner le nom des colonnes (%2).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1: a record with the same key already exists.</source>
        <translation>%1&#xa0;: un enregistrement avec la même clé existe déjà.</translation>
    </message>
    <message>
        <source>%1: the record is still referenced by another one.</source>
        <translation>%1&#xa0;: l&apos;enregistrement est encore référencé par un autre enregistrement.</translation>
    </message>
    <message>
        <source>%1: the local store reported an error (%2).</source>
        <translation>%1&#xa0;: la base de données locale a signalé une erreur (%2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the store.</source>
        <translation>Impossible de créer le dossier %1 pour la base de données.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>Le pilote SQLite pour Qt n&apos;est pas installé (Debian&#xa0;: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>Impossible d&apos;ouvrir la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a Centrale store or is damaged.</source>
        <translation>%1 n&apos;est pas une base de données Centrale ou elle est endommagée.</translation>
    </message>
    <message>
        <source>This store was written by a newer version of Centrale (schema %1; this version knows up to %2). Update Centrale to open it.</source>
        <translation>Cette base de données a été écrite par une version plus récente de Centrale (schéma %1&#xa0;; cette version connaît les schémas jusqu&apos;au %2). Mettez Centrale à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot save the changes: %1</source>
        <translation>Impossible d&apos;enregistrer les modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>The change was cancelled because a part of it failed.</source>
        <translation>La modification a été annulée car une partie de celle-ci a échoué.</translation>
    </message>
    <message>
        <source>Preparing a query</source>
        <translation>Préparation d&apos;une requête</translation>
    </message>
    <message>
        <source>Running a query</source>
        <translation>Exécution d&apos;une requête</translation>
    </message>
    <message>
        <source>The record to change no longer exists.</source>
        <translation>L&apos;enregistrement à modifier n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The record to delete no longer exists.</source>
        <translation>L&apos;enregistrement à supprimer n&apos;existe plus.</translation>
    </message>
    <message>
        <source>the integrity check could not run</source>
        <translation>la vérification d&apos;intégrité n&apos;a pas pu être exécutée</translation>
    </message>
</context>
<context>
    <name>DefaultStateCommand</name>
    <message>
        <source>Open by default</source>
        <translation>Ouvert par défaut</translation>
    </message>
    <message>
        <source>Closed by default</source>
        <translation>Fermé par défaut</translation>
    </message>
</context>
<context>
    <name>DeleteEventCommand</name>
    <message>
        <source>Delete event “%1”</source>
        <translation>Supprimer l&apos;événement «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>Preparing the demo data</source>
        <translation>Préparation des données de démonstration</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>Écriture des données de démonstration</translation>
    </message>
    <message>
        <source>The number of users must be between 1 and 500 000.</source>
        <translation>Le nombre d&apos;utilisateurs doit être compris entre 1 et 500&#xa0;000.</translation>
    </message>
    <message>
        <source>The store already holds an organisation; choose a new file for the demo.</source>
        <translation>La base de données contient déjà une organisation&#xa0;; choisissez un nouveau fichier pour la démonstration.</translation>
    </message>
</context>
<context>
    <name>DuplicateEventCommand</name>
    <message>
        <source>Duplicate event “%1”</source>
        <translation>Dupliquer l&apos;événement «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>EditEventCommand</name>
    <message>
        <source>Edit event “%1”</source>
        <translation>Modifier l&apos;événement «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>The domain of an organisation cannot change.</source>
        <translation>Le domaine d’une organisation ne peut pas changer.</translation>
    </message>
    <message>
        <source>Unknown time zone %1.</source>
        <translation>Fuseau horaire inconnu %1.</translation>
    </message>
    <message>
        <source>The audio lasts %1 ms; a prompt lasts at least half a second.</source>
        <translation>L’audio dure %1&#xa0;ms&#xa0;; une invite vocale dure au moins une demi-seconde.</translation>
    </message>
</context>
<context>
    <name>FunctionNumber</name>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>%1 is not a state; use open or closed.</source>
        <translation>%1 n&apos;est pas un état&#xa0;; utilisez open ou closed.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>FunctionNumberRepository</name>
    <message>
        <source>The function number %1 already exists.</source>
        <translation>Le numéro de fonction %1 existe déjà.</translation>
    </message>
    <message>
        <source>No such function number.</source>
        <translation>Ce numéro de fonction n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no function number %1.</source>
        <translation>Il n&apos;y a pas de numéro de fonction %1.</translation>
    </message>
    <message>
        <source>No such calendar event.</source>
        <translation>Cet événement de calendrier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The event&apos;s voice prompt does not exist.</source>
        <translation>L&apos;invite vocale de l&apos;événement n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>GroupRepository</name>
    <message>
        <source>A user group named %1 already exists.</source>
        <translation>Un groupe d&apos;utilisateurs nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>No such user group.</source>
        <translation>Ce groupe d&apos;utilisateurs n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no user group named %1.</source>
        <translation>Il n&apos;y a pas de groupe d&apos;utilisateurs nommé %1.</translation>
    </message>
    <message numerus="yes">
        <source>The group %1 still has %n member(s); remove them from the group first.</source>
        <translation>
            <numerusform>Le groupe %1 compte encore %n membre&#xa0;; retirez-le d&apos;abord du groupe.</numerusform>
            <numerusform>Le groupe %1 compte encore %n membres&#xa0;; retirez-les d&apos;abord du groupe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IcsCalendar</name>
    <message>
        <source>A task (VTODO) is not a calendar event.</source>
        <translation>Une tâche (VTODO) n&apos;est pas un événement de calendrier.</translation>
    </message>
    <message>
        <source>A journal entry (VJOURNAL) is not a calendar event.</source>
        <translation>Une note de journal (VJOURNAL) n&apos;est pas un événement de calendrier.</translation>
    </message>
    <message>
        <source>A %1 component is not a calendar event.</source>
        <translation>Un composant %1 n&apos;est pas un événement de calendrier.</translation>
    </message>
    <message>
        <source>The date %1 does not exist.</source>
        <translation>La date %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The time %1 does not exist.</source>
        <translation>L&apos;heure %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The time zone %1 is not defined in the file and is not known.</source>
        <translation>Le fuseau horaire %1 n&apos;est pas défini dans le fichier et n&apos;est pas connu.</translation>
    </message>
    <message>
        <source>The event is cancelled.</source>
        <translation>L&apos;événement est annulé.</translation>
    </message>
    <message>
        <source>The event has no start (DTSTART).</source>
        <translation>L&apos;événement n&apos;a pas de début (DTSTART).</translation>
    </message>
    <message>
        <source>The event repeats on a list of dates (RDATE), which calendars here cannot express; use a rule (RRULE) instead.</source>
        <translation>L&apos;événement se répète à une liste de dates (RDATE), ce que les calendriers ne peuvent pas exprimer&#xa0;; utilisez plutôt une règle (RRULE).</translation>
    </message>
    <message>
        <source>The event has several recurrence rules; only one is supported.</source>
        <translation>L&apos;événement a plusieurs règles de répétition&#xa0;; une seule est prise en charge.</translation>
    </message>
    <message>
        <source>Imported event</source>
        <translation>Événement importé</translation>
    </message>
    <message>
        <source>The event has no end (DTEND or DURATION).</source>
        <translation>L&apos;événement n&apos;a pas de fin (DTEND ou DURATION).</translation>
    </message>
    <message>
        <source>The event repeats every second or minute; repeat it hourly, daily, weekly, monthly or yearly.</source>
        <translation>L&apos;événement se répète chaque seconde ou chaque minute&#xa0;; répétez-le toutes les heures, tous les jours, toutes les semaines, tous les mois ou tous les ans.</translation>
    </message>
    <message>
        <source>The voice prompt &quot;%1&quot; of &quot;%2&quot; does not exist; the event was imported without a prompt.</source>
        <translation>L&apos;invite vocale «&#xa0;%1&#xa0;» de «&#xa0;%2&#xa0;» n&apos;existe pas&#xa0;; l&apos;événement a été importé sans invite vocale.</translation>
    </message>
    <message>
        <source>The organisation&apos;s time zone is not known.</source>
        <translation>Le fuseau horaire de l&apos;organisation est inconnu.</translation>
    </message>
    <message>
        <source>This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.</source>
        <translation>Ce n&apos;est pas un fichier iCalendar (.ics)&#xa0;: il ne commence pas par BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The calendar file is damaged at line %1 (&quot;%2&quot;): libical cannot read it. Correct that line or export the calendar again.</source>
        <translation>Le fichier de calendrier est endommagé à la ligne %1 («&#xa0;%2&#xa0;»)&#xa0;: libical ne peut pas la lire. Corrigez cette ligne ou exportez à nouveau le calendrier.</translation>
    </message>
    <message>
        <source>The calendar file stops at line %1 before END:VCALENDAR: it is incomplete. Export the calendar again.</source>
        <translation>Le fichier de calendrier s&apos;arrête à la ligne %1 avant END:VCALENDAR&#xa0;: il est incomplet. Exportez à nouveau le calendrier.</translation>
    </message>
    <message>
        <source>The file&apos;s default state (%1) was not applied because the calendar already had events.</source>
        <translation>L&apos;état par défaut du fichier (%1) n&apos;a pas été appliqué, car le calendrier avait déjà des événements.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>libical does not know the time zone %1.</source>
        <translation>libical ne connaît pas le fuseau horaire %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>To create: %1, to update: %2, unchanged: %3, rejected: %4.</source>
        <translation>À créer&#xa0;: %1, à modifier&#xa0;: %2, inchangés&#xa0;: %3, refusés&#xa0;: %4.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>L’importation a été annulée&#xa0;; rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The field %1 must be text.</source>
        <translation>Le champ %1 doit être du texte.</translation>
    </message>
    <message>
        <source>The field %1 must be an object.</source>
        <translation>Le champ %1 doit être un objet.</translation>
    </message>
    <message>
        <source>The field %1 has an unknown value: %2.</source>
        <translation>Le champ %1 a une valeur inconnue&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The field %1 cannot be empty.</source>
        <translation>Le champ %1 ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The field %1 cannot be negative.</source>
        <translation>Le champ %1 ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The field %1 is required.</source>
        <translation>Le champ %1 est obligatoire.</translation>
    </message>
    <message>
        <source>The field %1 must be a whole number.</source>
        <translation>Le champ %1 doit être un nombre entier.</translation>
    </message>
    <message>
        <source>The field %1 is out of range.</source>
        <translation>La valeur du champ %1 est hors limites.</translation>
    </message>
    <message>
        <source>The field %1 must be a number.</source>
        <translation>Le champ %1 doit être un nombre.</translation>
    </message>
    <message>
        <source>The field %1 must be true or false.</source>
        <translation>Le champ %1 doit valoir true ou false.</translation>
    </message>
    <message>
        <source>The field %1 must be a list.</source>
        <translation>Le champ %1 doit être une liste.</translation>
    </message>
    <message>
        <source>The field %1 must be data in base64.</source>
        <translation>Le champ %1 doit contenir des données en base64.</translation>
    </message>
    <message>
        <source>The field %1 must be a date and time such as 2027-01-01T08:30:00.</source>
        <translation>Le champ %1 doit être une date et une heure, par exemple 2027-01-01T08:30:00.</translation>
    </message>
</context>
<context>
    <name>KeyTemplate</name>
    <message>
        <source>Template name</source>
        <translation>Nom du modèle</translation>
    </message>
    <message>
        <source>Key %1 does not exist; a template has keys 1 to %2.</source>
        <translation>La touche %1 n’existe pas ; un modèle a les touches 1 à %2.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>La touche %1 est programmée deux fois.</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <extracomment>where an inherited key comes from: %1 template name, %2 group name</extracomment>
        <translation>%1 (groupe %2)</translation>
    </message>
</context>
<context>
    <name>KeyTemplateRepository</name>
    <message>
        <source>The template is attached to a user group that does not exist.</source>
        <translation>Le modèle est associé à un groupe d’utilisateurs qui n’existe pas.</translation>
    </message>
    <message>
        <source>Key %1 calls a user who does not exist.</source>
        <translation>La touche %1 appelle un utilisateur qui n’existe pas.</translation>
    </message>
    <message>
        <source>A key template named %1 already exists.</source>
        <translation>Un modèle de touches nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>No such key template.</source>
        <translation>Ce modèle de touches n’existe pas.</translation>
    </message>
    <message>
        <source>There is no key template named %1.</source>
        <translation>Il n’y a pas de modèle de touches nommé %1.</translation>
    </message>
    <message>
        <source>The key template %1 is not attached to that group.</source>
        <translation>Le modèle de touches %1 n’est pas associé à ce groupe.</translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message>
        <source>The system keychain could not be read: %1</source>
        <translation>Le trousseau du système n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The session could not be kept in the system keychain: %1</source>
        <translation>La session n’a pas pu être gardée dans le trousseau du système&#xa0;: %1</translation>
    </message>
    <message>
        <source>The session could not be removed from the system keychain: %1</source>
        <translation>La session n’a pas pu être retirée du trousseau du système&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MessageCommands</name>
    <message>
        <source>
Messages:
  welcome USERNAME... [--web] [--mobile] [--softphone] [--delivery auto|email|sms]
                                send each user a welcome message per access, by e-mail or SMS, through the server
  password-reset --server URL IDENTIFIER   send a code to choose a new password (username or mobile number)
  password-reset --server URL --code CODE  choose the new password with the code (read from standard input)
</source>
        <translation>
Messages&#xa0;:
  welcome UTILISATEUR... [--web] [--mobile] [--softphone] [--delivery auto|email|sms]
                                envoie à chaque utilisateur un message de bienvenue par accès, par e-mail ou SMS, via le serveur
  password-reset --server URL IDENTIFIANT  envoie un code pour choisir un nouveau mot de passe (nom d’utilisateur ou numéro mobile)
  password-reset --server URL --code CODE  choisit le nouveau mot de passe avec le code (lu sur l’entrée standard)
</translation>
    </message>
    <message>
        <source>Asks the server to send each user a welcome message per chosen access: how to sign in or install, the username and a one-time code to choose a password (never a password). Needs a store logged in to its server.</source>
        <translation>Demande au serveur d’envoyer à chaque utilisateur un message de bienvenue par accès choisi&#xa0;: comment se connecter ou installer, le nom d’utilisateur et un code à usage unique pour choisir un mot de passe (jamais un mot de passe). Demande une base de données connectée à son serveur.</translation>
    </message>
    <message>
        <source>The web portal.</source>
        <translation>Le portail web.</translation>
    </message>
    <message>
        <source>The mobile app.</source>
        <translation>L’application mobile.</translation>
    </message>
    <message>
        <source>The PC softphone.</source>
        <translation>Le softphone pour PC.</translation>
    </message>
    <message>
        <source>auto (default: SMS for the mobile app when there is a mobile number, else e-mail), email or sms.</source>
        <translation>auto (par défaut&#xa0;: SMS pour l’application mobile s’il y a un numéro mobile, sinon e-mail), email ou sms.</translation>
    </message>
    <message>
        <source>how</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>The users, by username (name@domain).</source>
        <translation>Les utilisateurs, par nom d’utilisateur (nom@domaine).</translation>
    </message>
    <message>
        <source>USERNAME...</source>
        <translation>UTILISATEUR...</translation>
    </message>
    <message>
        <source>welcome needs one or more usernames and at least one of --web, --mobile and --softphone.</source>
        <translation>welcome demande un ou plusieurs noms d’utilisateur et au moins une des options --web, --mobile et --softphone.</translation>
    </message>
    <message>
        <source>--delivery takes auto, email or sms.</source>
        <translation>--delivery prend auto, email ou sms.</translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>Cette base de données n’est reliée à aucun serveur. Connectez-vous d’abord&#xa0;: centrale-cli login --server URL --user NOM</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Il n’y a pas de session pour %1 sur %2&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>Le serveur a refusé&#xa0;: %1 Reconnectez-vous avec centrale-cli login.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Forgot password: sends a one-time code to the e-mail address or mobile number registered for a username or mobile number (the answer is the same whether or not the account exists); with --code, sets the new password, read from the terminal without echo, or from standard input.</source>
        <translation>Mot de passe oublié&#xa0;: envoie un code à usage unique à l’adresse e-mail ou au numéro mobile enregistré pour un nom d’utilisateur ou un numéro mobile (la réponse est la même, que le compte existe ou non)&#xa0;; avec --code, définit le nouveau mot de passe, lu au terminal sans écho, ou sur l’entrée standard.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443 (default: the store&apos;s server).</source>
        <translation>L’adresse du serveur, par exemple https://centrale.example.be:8443 (par défaut&#xa0;: le serveur de la base de données).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The code received, to choose the new password.</source>
        <translation>Le code reçu, pour choisir le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>The username (name@domain) or the registered mobile number (+324...).</source>
        <translation>Le nom d’utilisateur (nom@domaine) ou le numéro mobile enregistré (+324...).</translation>
    </message>
    <message>
        <source>IDENTIFIER</source>
        <translation>IDENTIFIANT</translation>
    </message>
    <message>
        <source>password-reset needs --server URL (or a store connected to a server).</source>
        <translation>password-reset demande --server URL (ou une base de données reliée à un serveur).</translation>
    </message>
    <message>
        <source>With --code, give no username: the code says whose password it is.</source>
        <translation>Avec --code, ne donnez pas de nom d’utilisateur&#xa0;: le code dit de qui est le mot de passe.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nouveau mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Aucun mot de passe n’a été donné.</translation>
    </message>
    <message>
        <source>The new password is set. Log in with it; the other sessions of this account were closed.</source>
        <translation>Le nouveau mot de passe est défini. Connectez-vous avec lui&#xa0;; les autres sessions de ce compte ont été fermées.</translation>
    </message>
    <message>
        <source>password-reset needs a username or a mobile number, or --code CODE.</source>
        <translation>password-reset demande un nom d’utilisateur ou un numéro mobile, ou --code CODE.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number. Then run: centrale-cli password-reset --server %1 --code CODE</source>
        <translation>Si ce compte existe, un code pour choisir un nouveau mot de passe a été envoyé à son adresse e-mail ou à son numéro mobile. Lancez ensuite&#xa0;: centrale-cli password-reset --server %1 --code CODE</translation>
    </message>
</context>
<context>
    <name>MessageDelivery</name>
    <message>
        <source>e-mail through %1 from %2</source>
        <translation>e-mail par %1 depuis %2</translation>
    </message>
    <message>
        <source>no mail server configured (e-mail waits in the queue)</source>
        <translation>aucun serveur de messagerie configuré (les e-mails attendent dans la file)</translation>
    </message>
    <message>
        <source>SMS through %1</source>
        <translation>SMS par %1</translation>
    </message>
    <message>
        <source>no SMS gateway configured (SMS wait in the queue)</source>
        <translation>aucune passerelle SMS configurée (les SMS attendent dans la file)</translation>
    </message>
    <message>
        <source>Messages: %1; %2.</source>
        <translation>Messages&#xa0;: %1&#xa0;; %2.</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>Hello %1,</source>
        <translation>Bonjour %1,</translation>
    </message>
    <message>
        <source>To choose your password, open this link: %1</source>
        <translation>Pour choisir votre mot de passe, ouvrez ce lien&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your one-time code: %1</source>
        <translation>Votre code à usage unique&#xa0;: %1</translation>
    </message>
    <message>
        <source>It can be used once and expires on %1.</source>
        <translation>Il ne peut servir qu’une fois et expire le %1.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password</source>
        <translation>%1&#xa0;: votre code pour choisir un nouveau mot de passe</translation>
    </message>
    <message>
        <source>A new password was requested for your %1 account %2.</source>
        <translation>Un nouveau mot de passe a été demandé pour votre compte %1 %2.</translation>
    </message>
    <message>
        <source>If you did not ask for it, ignore this message: your password does not change.</source>
        <translation>Si vous ne l’avez pas demandé, ignorez ce message&#xa0;: votre mot de passe ne change pas.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password is %2, valid until %3. If you did not ask for it, ignore this message.</source>
        <translation>%1&#xa0;: votre code pour choisir un nouveau mot de passe est %2, valable jusqu’au %3. Si vous ne l’avez pas demandé, ignorez ce message.</translation>
    </message>
    <message>
        <source>%1: set up the mobile telephony app</source>
        <translation>%1&#xa0;: installez l’application de téléphonie mobile</translation>
    </message>
    <message>
        <source>%1 has opened your access to its mobile telephony app: your business number on your smartphone.</source>
        <translation>%1 vous a ouvert l’accès à son application de téléphonie mobile&#xa0;: votre numéro professionnel sur votre smartphone.</translation>
    </message>
    <message>
        <source>Your administrator will tell you which app to install on your smartphone.</source>
        <translation>Votre administrateur vous dira quelle application installer sur votre smartphone.</translation>
    </message>
    <message>
        <source>Download the app on your smartphone: %1</source>
        <translation>Téléchargez l’application sur votre smartphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open the app, sign in with your username and choose your password with the code below.</source>
        <translation>Ouvrez l’application, connectez-vous avec votre nom d’utilisateur et choisissez votre mot de passe avec le code ci-dessous.</translation>
    </message>
    <message>
        <source>mobile app</source>
        <translation>application mobile</translation>
    </message>
    <message>
        <source>%1: install the PC softphone</source>
        <translation>%1&#xa0;: installez le softphone sur votre PC</translation>
    </message>
    <message>
        <source>%1 has opened your access to its softphone: your business number on your computer.</source>
        <translation>%1 vous a ouvert l’accès à son softphone&#xa0;: votre numéro professionnel sur votre ordinateur.</translation>
    </message>
    <message>
        <source>Your administrator will tell you where to download the softphone.</source>
        <translation>Votre administrateur vous dira où télécharger le softphone.</translation>
    </message>
    <message>
        <source>Download the softphone for your computer: %1</source>
        <translation>Téléchargez le softphone pour votre ordinateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Install it, sign in with your username and choose your password with the code below.</source>
        <translation>Installez-le, connectez-vous avec votre nom d’utilisateur et choisissez votre mot de passe avec le code ci-dessous.</translation>
    </message>
    <message>
        <source>PC softphone</source>
        <translation>softphone pour PC</translation>
    </message>
    <message>
        <source>%1: your access to the telephony web portal</source>
        <translation>%1&#xa0;: votre accès au portail web de téléphonie</translation>
    </message>
    <message>
        <source>%1 has opened your access to its telephony web portal, where you manage your calls, voicemail and settings.</source>
        <translation>%1 vous a ouvert l’accès à son portail web de téléphonie, où vous gérez vos appels, votre messagerie vocale et vos réglages.</translation>
    </message>
    <message>
        <source>Your administrator will tell you the portal&apos;s address.</source>
        <translation>Votre administrateur vous donnera l’adresse du portail.</translation>
    </message>
    <message>
        <source>Sign in at %1</source>
        <translation>Connectez-vous sur %1</translation>
    </message>
    <message>
        <source>web portal</source>
        <translation>portail web</translation>
    </message>
    <message>
        <source>Your username: %1</source>
        <translation>Votre nom d’utilisateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 welcomes you to its telephony %2. Username: %3. Code to choose your password: %4, valid until %5.</source>
        <translation>%1 vous souhaite la bienvenue sur sa téléphonie&#xa0;: %2. Nom d’utilisateur&#xa0;: %3. Code pour choisir votre mot de passe&#xa0;: %4, valable jusqu’au %5.</translation>
    </message>
    <message>
        <source>Start here: %1</source>
        <translation>Commencez ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>For your security, nobody from %1 will ever ask you for your password.</source>
        <translation>Pour votre sécurité, personne de %1 ne vous demandera jamais votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move event up</source>
        <translation>Monter l&apos;événement</translation>
    </message>
    <message>
        <source>Move event down</source>
        <translation>Descendre l&apos;événement</translation>
    </message>
</context>
<context>
    <name>NumberRepository</name>
    <message>
        <source>%1 is already in the pool.</source>
        <translation>%1 fait déjà partie du pool.</translation>
    </message>
    <message>
        <source>No such number in the pool.</source>
        <translation>Ce numéro ne fait pas partie du pool.</translation>
    </message>
    <message>
        <source>%1 is not in the organisation&apos;s pool of numbers.</source>
        <translation>%1 ne fait pas partie du pool de numéros de l&apos;organisation.</translation>
    </message>
    <message>
        <source>%1 is already assigned to %2.</source>
        <translation>%1 est déjà attribué à %2.</translation>
    </message>
    <message>
        <source>%1 is assigned to %2; free it before removing it from the pool.</source>
        <translation>%1 est attribué à %2&#xa0;; libérez-le avant de le retirer du pool.</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>OrganisationRepository</name>
    <message>
        <source>This store holds no organisation yet.</source>
        <translation>Cette base de données ne contient encore aucune organisation.</translation>
    </message>
    <message>
        <source>This store already holds the organisation %1.</source>
        <translation>Cette base de données contient déjà l&apos;organisation %1.</translation>
    </message>
</context>
<context>
    <name>PhoneCommands</name>
    <message>
        <source>Actions:
  phones list [--filter TEXT] [--json]
        list SIP phones: MAC, model, owner, label, address, changes waiting
  phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT] [--sip-user U --sip-password P]
        add a phone
  phones key MAC INDEX (extension USERNAME [--label TEXT] | number NUMBER --label TEXT | empty | inherit)
        program one key: a colleague&apos;s extension, an external number, explicitly nothing, or the template&apos;s key
  phones keys MAC [--json]
        every key of the phone and where it comes from
  phones render MAC [--out FILE]
        print (or write) the phone&apos;s provisioning file
  phones reload (MAC | --all) [--provisioning-dir DIR]
        write the provisioning files and ask the phones to reload them
  phones template list [--json]
  phones template create NAME
  phones template key NAME INDEX (extension USERNAME [--label TEXT] | number NUMBER --label TEXT | empty | inherit)
  phones template attach NAME --group GROUP
  phones template detach NAME --group GROUP
  phones template delete NAME
        key templates: their keys appear on the phones of the group&apos;s members
</source>
        <translation>Actions :
  phones list [--filter TEXTE] [--json]
        répertorier les téléphones SIP : MAC, modèle, utilisateur, libellé, adresse, changements en attente
  phones add MAC --model MODÈLE --owner UTILISATEUR [--address HÔTE[:PORT]] [--label TEXTE] [--sip-user U --sip-password P]
        ajouter un téléphone
  phones key MAC INDEX (extension UTILISATEUR [--label TEXTE] | number NUMÉRO --label TEXTE | empty | inherit)
        programmer une touche : le poste d’un collègue, un numéro externe, explicitement rien, ou la touche du modèle
  phones keys MAC [--json]
        toutes les touches du téléphone et leur origine
  phones render MAC [--out FICHIER]
        afficher (ou écrire) le fichier de provisionnement du téléphone
  phones reload (MAC | --all) [--provisioning-dir DOSSIER]
        écrire les fichiers de provisionnement et demander aux téléphones de les recharger
  phones template list [--json]
  phones template create NOM
  phones template key NOM INDEX (extension UTILISATEUR [--label TEXTE] | number NUMÉRO --label TEXTE | empty | inherit)
  phones template attach NOM --group GROUPE
  phones template detach NOM --group GROUPE
  phones template delete NOM
        modèles de touches : leurs touches apparaissent sur les téléphones des membres du groupe
</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Action inconnue ou manquante.</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Action %1 inconnue.</translation>
    </message>
    <message>
        <source>A phone number key needs --label: the name the phone shows.</source>
        <translation>Une touche « Numéro de téléphone » nécessite --label : le nom affiché par le téléphone.</translation>
    </message>
    <message>
        <source>Say what the key does: extension USERNAME, number NUMBER --label TEXT, empty or inherit.</source>
        <translation>Indiquez ce que fait la touche : extension UTILISATEUR, number NUMÉRO --label TEXTE, empty ou inherit.</translation>
    </message>
    <message>
        <source>List SIP phones.</source>
        <translation>Répertorier les téléphones SIP.</translation>
    </message>
    <message>
        <source>Only phones whose MAC, model, label or owner contains the text.</source>
        <translation>Uniquement les téléphones dont la MAC, le modèle, le libellé ou l’utilisateur contient le texte.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>List phones.</source>
        <translation>Répertorier les téléphones.</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>changements en attente</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Adresse SIP</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>Add a SIP phone.</source>
        <translation>Ajouter un téléphone SIP.</translation>
    </message>
    <message>
        <source>The phone&apos;s model: %1.</source>
        <translation>Le modèle du téléphone : %1.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>The user whose phone it is (username).</source>
        <translation>L’utilisateur du téléphone (nom d’utilisateur).</translation>
    </message>
    <message>
        <source>username</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>Where the phone receives SIP requests: HOST[:PORT].</source>
        <translation>Où le téléphone reçoit les requêtes SIP : HÔTE[:PORT].</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>A name for the phone, e.g. Reception.</source>
        <translation>Un nom pour le téléphone, par ex. Accueil.</translation>
    </message>
    <message>
        <source>The user name the phone challenges reload requests with.</source>
        <translation>Le nom d’utilisateur avec lequel le téléphone authentifie les demandes de rechargement.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>Its password.</source>
        <translation>Son mot de passe.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Add a phone.</source>
        <translation>Ajouter un téléphone.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address.</source>
        <translation>L’adresse MAC du téléphone.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT]</source>
        <translation>Utilisation : centrale-cli phones add MAC --model MODÈLE --owner UTILISATEUR [--address HÔTE[:PORT]] [--label TEXTE]</translation>
    </message>
    <message>
        <source>Added the %1 %2 of %3.</source>
        <translation>Téléphone %1 %2 de %3 ajouté.</translation>
    </message>
    <message>
        <source>Program one key of a phone.</source>
        <translation>Programmer une touche d’un téléphone.</translation>
    </message>
    <message>
        <source>The name the phone shows for the key.</source>
        <translation>Le nom que le téléphone affiche pour la touche.</translation>
    </message>
    <message>
        <source>Program a key.</source>
        <translation>Programmer une touche.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (the template&apos;s key).</source>
        <translation>TYPE : extension UTILISATEUR, number NUMÉRO (avec --label), empty, ou inherit (la touche du modèle).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones key MAC INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Utilisation : centrale-cli phones key MAC INDEX (extension UTILISATEUR | number NUMÉRO --label TEXTE | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of %2 now follows the key templates.</source>
        <translation>La touche %1 de %2 suit désormais les modèles de touches.</translation>
    </message>
    <message>
        <source>Key %1 of %2 saved; the phone has changes waiting (phones reload %3).</source>
        <translation>Touche %1 de %2 enregistrée ; le téléphone a des changements en attente (phones reload %3).</translation>
    </message>
    <message>
        <source>List every key of a phone and where it comes from.</source>
        <translation>Répertorier toutes les touches d’un téléphone et leur origine.</translation>
    </message>
    <message>
        <source>List keys.</source>
        <translation>Répertorier les touches.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones keys MAC [--json]</source>
        <translation>Utilisation : centrale-cli phones keys MAC [--json]</translation>
    </message>
    <message>
        <source>this phone (instead of %1)</source>
        <extracomment>a phone&apos;s own key that hides the template&apos;s key; %1 the template name</extracomment>
        <translation>ce téléphone (au lieu de %1)</translation>
    </message>
    <message>
        <source>this phone</source>
        <translation>ce téléphone</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Print or write a phone&apos;s provisioning file, in its vendor&apos;s format.</source>
        <translation>Afficher ou écrire le fichier de provisionnement d’un téléphone, au format de son fabricant.</translation>
    </message>
    <message>
        <source>Write the file here instead of printing it.</source>
        <translation>Écrire le fichier ici au lieu de l’afficher.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Render the file.</source>
        <translation>Produire le fichier.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones render MAC [--out FILE]</source>
        <translation>Utilisation : centrale-cli phones render MAC [--out FICHIER]</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Impossible d’écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%2, %n bytes).</source>
        <translation>
            <numerusform>%1 écrit (%2, %n octet).</numerusform>
            <numerusform>%1 écrit (%2, %n octets).</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the phones&apos; provisioning files and ask each phone to reload its settings.</source>
        <translation>Écrire les fichiers de provisionnement des téléphones et demander à chaque téléphone de recharger ses réglages.</translation>
    </message>
    <message>
        <source>Every phone with changes waiting.</source>
        <translation>Tous les téléphones qui ont des changements en attente.</translation>
    </message>
    <message>
        <source>Where to write the provisioning files (default: the folder provisioning beside the store).</source>
        <translation>Où écrire les fichiers de provisionnement (par défaut : le dossier provisioning à côté de la base de données).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Reload phones.</source>
        <translation>Recharger des téléphones.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address (or --all).</source>
        <translation>L’adresse MAC du téléphone (ou --all).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones reload (MAC | --all)</source>
        <translation>Utilisation : centrale-cli phones reload (MAC | --all)</translation>
    </message>
    <message>
        <source>No phone has changes waiting.</source>
        <translation>Aucun téléphone n’a de changements en attente.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 MAC address, %2 reloaded / refused / no answer / changes waiting / failed, %3 why</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>List key templates and the groups they are attached to.</source>
        <translation>Répertorier les modèles de touches et les groupes auxquels ils sont associés.</translation>
    </message>
    <message>
        <source>List templates.</source>
        <translation>Répertorier les modèles.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Create an empty key template.</source>
        <translation>Créer un modèle de touches vide.</translation>
    </message>
    <message>
        <source>Create a template.</source>
        <translation>Créer un modèle.</translation>
    </message>
    <message>
        <source>The template&apos;s name.</source>
        <translation>Le nom du modèle.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template create NAME</source>
        <translation>Utilisation : centrale-cli phones template create NOM</translation>
    </message>
    <message>
        <source>Created the key template %1.</source>
        <translation>Modèle de touches %1 créé.</translation>
    </message>
    <message>
        <source>Program one key of a key template.</source>
        <translation>Programmer une touche d’un modèle de touches.</translation>
    </message>
    <message>
        <source>The name the phones show for the key.</source>
        <translation>Le nom que les téléphones affichent pour la touche.</translation>
    </message>
    <message>
        <source>Program a template key.</source>
        <translation>Programmer une touche du modèle.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (remove the key from the template).</source>
        <translation>TYPE : extension UTILISATEUR, number NUMÉRO (avec --label), empty, ou inherit (retirer la touche du modèle).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template key NAME INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Utilisation : centrale-cli phones template key NOM INDEX (extension UTILISATEUR | number NUMÉRO --label TEXTE | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of the template %2 saved.</source>
        <translation>Touche %1 du modèle %2 enregistrée.</translation>
    </message>
    <message>
        <source>Attach a key template to a user group: its keys appear on the members&apos; phones.</source>
        <translation>Associer un modèle de touches à un groupe d’utilisateurs : ses touches apparaissent sur les téléphones des membres.</translation>
    </message>
    <message>
        <source>Detach a key template from a user group.</source>
        <translation>Dissocier un modèle de touches d’un groupe d’utilisateurs.</translation>
    </message>
    <message>
        <source>The user group&apos;s name.</source>
        <translation>Le nom du groupe d’utilisateurs.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>Attach or detach.</source>
        <translation>Associer ou dissocier.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template %1 NAME --group GROUP</source>
        <translation>Utilisation : centrale-cli phones template %1 NOM --group GROUPE</translation>
    </message>
    <message>
        <source>The key template %1 now applies to the phones of the group %2.</source>
        <translation>Le modèle de touches %1 s’applique désormais aux téléphones du groupe %2.</translation>
    </message>
    <message>
        <source>The key template %1 no longer applies to the group %2.</source>
        <translation>Le modèle de touches %1 ne s’applique plus au groupe %2.</translation>
    </message>
    <message>
        <source>Delete a key template; the members&apos; phones lose its keys.</source>
        <translation>Supprimer un modèle de touches ; les téléphones des membres perdent ses touches.</translation>
    </message>
    <message>
        <source>Delete a template.</source>
        <translation>Supprimer un modèle.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template delete NAME</source>
        <translation>Utilisation : centrale-cli phones template delete NOM</translation>
    </message>
    <message>
        <source>Deleted the key template %1.</source>
        <translation>Modèle de touches %1 supprimé.</translation>
    </message>
</context>
<context>
    <name>PhoneNumbers</name>
    <message>
        <source>Belgian</source>
        <translation>belge</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>néerlandais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>luxembourgeois</translation>
    </message>
    <message>
        <source>German</source>
        <translation>allemand</translation>
    </message>
    <message>
        <source>%1 is not a valid phone number: %2</source>
        <translation>%1 n&apos;est pas un numéro de téléphone valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid %2 number: %3</source>
        <extracomment>%2 is a country adjective such as &quot;Belgian&quot;; %3 is the reason</extracomment>
        <translation>%1 n&apos;est pas un numéro %2 valide&#xa0;: %3</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Le numéro de téléphone est vide.</translation>
    </message>
    <message>
        <source>the country code is not known; start with +32 or 0.</source>
        <translation>l&apos;indicatif de pays est inconnu&#xa0;; commencez par +32 ou 0.</translation>
    </message>
    <message>
        <source>it has too few digits.</source>
        <translation>il compte trop peu de chiffres.</translation>
    </message>
    <message>
        <source>it has too many digits.</source>
        <translation>il compte trop de chiffres.</translation>
    </message>
    <message>
        <source>it contains no phone number; use the format +32 …</source>
        <translation>il ne contient aucun numéro de téléphone&#xa0;; utilisez le format +32 …</translation>
    </message>
    <message>
        <source>the country code is not known.</source>
        <translation>l&apos;indicatif de pays est inconnu.</translation>
    </message>
    <message>
        <source>no such prefix or length is in use.</source>
        <translation>aucun numéro n&apos;existe avec ce préfixe ou cette longueur.</translation>
    </message>
    <message>
        <source>it is not a mobile number (Belgian mobiles start with +324).</source>
        <translation>ce n&apos;est pas un numéro mobile (les numéros mobiles belges commencent par +324).</translation>
    </message>
</context>
<context>
    <name>PhoneProvisioning</name>
    <message>
        <source>Centrale cannot write provisioning files for the %1 yet (it knows %2).</source>
        <translation>Centrale ne sait pas encore écrire de fichier de provisionnement pour le %1 (il connaît %2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The phone %1 has no SIP address: its changes wait until it fetches its settings.</source>
        <translation>Le téléphone %1 n’a pas d’adresse SIP : ses changements attendent qu’il récupère ses réglages.</translation>
    </message>
</context>
<context>
    <name>PhoneRepository</name>
    <message>
        <source>The phone refers to a user who does not exist.</source>
        <translation>Le téléphone fait référence à un utilisateur qui n&apos;existe pas.</translation>
    </message>
    <message>
        <source>A phone with the MAC address %1 already exists.</source>
        <translation>Un téléphone avec l&apos;adresse MAC %1 existe déjà.</translation>
    </message>
    <message>
        <source>No such phone.</source>
        <translation>Ce téléphone n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no phone with the MAC address %1.</source>
        <translation>Il n&apos;y a pas de téléphone avec l&apos;adresse MAC %1.</translation>
    </message>
    <message>
        <source>Phone %1: %2</source>
        <extracomment>%1 the phone&apos;s MAC address, %2 the reason</extracomment>
        <translation>Téléphone %1 : %2</translation>
    </message>
</context>
<context>
    <name>PoolNumber</name>
    <message>
        <source>A number can be assigned to a user or to a function number, not both.</source>
        <translation>Un numéro peut être attribué à un utilisateur ou à un numéro de fonction, mais pas aux deux.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Malformed JSON</source>
        <translation>JSON mal formé</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON trop imbriqué</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Requête incorrecte</translation>
    </message>
    <message>
        <source>Idempotency-Key required</source>
        <translation>Idempotency-Key requise</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Non authentifié</translation>
    </message>
    <message>
        <source>Invalid credentials</source>
        <translation>Identifiants incorrects</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Session expirée</translation>
    </message>
    <message>
        <source>Administrator view needs the password again</source>
        <translation>La vue administrateur demande à nouveau le mot de passe</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Interdit</translation>
    </message>
    <message>
        <source>Not an administrator</source>
        <translation>Pas administrateur</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Méthode non permise</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En cours d’utilisation</translation>
    </message>
    <message>
        <source>Request still in progress</source>
        <translation>Requête encore en cours</translation>
    </message>
    <message>
        <source>Cursor expired</source>
        <translation>Curseur expiré</translation>
    </message>
    <message>
        <source>Version mismatch</source>
        <translation>Version dépassée</translation>
    </message>
    <message>
        <source>Payload too large</source>
        <translation>Contenu trop volumineux</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Type de contenu non pris en charge</translation>
    </message>
    <message>
        <source>Validation failed</source>
        <translation>Validation échouée</translation>
    </message>
    <message>
        <source>Invalid audio</source>
        <translation>Audio non valable</translation>
    </message>
    <message>
        <source>Idempotency-Key reused</source>
        <translation>Idempotency-Key réutilisée</translation>
    </message>
    <message>
        <source>Reset code invalid</source>
        <translation>Code de réinitialisation non valable</translation>
    </message>
    <message>
        <source>If-Match required</source>
        <translation>If-Match requis</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Trop de requêtes</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Service indisponible</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Erreur interne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Action inconnue ou manquante.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>a duration in seconds, e.g. &quot;6.2 s&quot;</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Normalise the loudness (off by default), so that the organisation&apos;s prompts sound equally loud.</source>
        <translation>Normaliser le volume sonore (désactivé par défaut), pour que les invites vocales de l&apos;organisation aient toutes le même volume.</translation>
    </message>
    <message>
        <source>The loudness to normalise to (default -16; from -40 to -5).</source>
        <translation>Le volume sonore visé par la normalisation (-16 par défaut&#xa0;; de -40 à -5).</translation>
    </message>
    <message>
        <source>LUFS</source>
        <translation>LUFS</translation>
    </message>
    <message>
        <source>--target-lufs needs a number from -40 to -5, not %1.</source>
        <translation>--target-lufs attend un nombre de -40 à -5, et non %1.</translation>
    </message>
    <message>
        <source>--target-lufs only makes sense with --normalise.</source>
        <translation>--target-lufs n&apos;a de sens qu&apos;avec --normalise.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli prompt %1</source>
        <translation>Utilisation&#xa0;: centrale-cli prompt %1</translation>
    </message>
    <message>
        <source>Actions:
  prompt convert IN OUT [--normalise [--target-lufs X]]
        convert an audio file to a voice prompt (WAV, A-law, 8000 Hz, mono); no store needed
  prompt import --name NAME --description TEXT [--normalise [--target-lufs X]] FILE
        convert a file and store it as a new voice prompt
  prompt list [--json]
        list voice prompts and the calendar events that use them
  prompt export NAME OUT.wav
        write a prompt&apos;s audio to a file
  prompt delete NAME
        delete a prompt that no calendar event uses
</source>
        <translation>Actions&#xa0;:
  prompt convert SOURCE CIBLE [--normalise [--target-lufs X]]
        convertit un fichier audio en invite vocale (WAV, A-law, 8000 Hz, mono)&#xa0;; sans base de données
  prompt import --name NOM --description TEXTE [--normalise [--target-lufs X]] FICHIER
        convertit un fichier et l&apos;enregistre comme nouvelle invite vocale
  prompt list [--json]
        répertorie les invites vocales et les événements des calendriers qui les utilisent
  prompt export NOM CIBLE.wav
        écrit l&apos;audio d&apos;une invite vocale dans un fichier
  prompt delete NOM
        supprime une invite vocale qu&apos;aucun événement de calendrier n&apos;utilise
</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Action %1 inconnue.</translation>
    </message>
    <message>
        <source>Convert an audio file to a voice prompt: WAV, A-law, 8000 Hz, mono. No store is needed.</source>
        <translation>Convertir un fichier audio en invite vocale&#xa0;: WAV, A-law, 8000 Hz, mono. Aucune base de données n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>Convert a file.</source>
        <translation>Convertir un fichier.</translation>
    </message>
    <message>
        <source>The audio file to convert (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>Le fichier audio à convertir (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>The prompt file to write; it appears whole or not at all.</source>
        <translation>Le fichier d&apos;invite vocale à écrire&#xa0;; il est écrit en entier ou pas du tout.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Wrote %1: WAV, A-law, 8000 Hz, mono.</source>
        <translation>%1 écrit&#xa0;: WAV, A-law, 8000 Hz, mono.</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Durée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source&#xa0;: %1</translation>
    </message>
    <message>
        <source>Peak: %1, RMS: %2</source>
        <translation>Crête&#xa0;: %1, RMS&#xa0;: %2</translation>
    </message>
    <message>
        <source>Loudness normalised to %1 LUFS.</source>
        <translation>Volume sonore normalisé à %1 LUFS.</translation>
    </message>
    <message>
        <source>Note: the source was compressed with a lossy codec; the prompt cannot sound better than it.</source>
        <translation>Remarque&#xa0;: la source a été compressée avec perte&#xa0;; l&apos;invite vocale ne peut pas sonner mieux qu&apos;elle.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Convert an audio file and store it as a new voice prompt.</source>
        <translation>Convertir un fichier audio et l&apos;enregistrer comme nouvelle invite vocale.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name (unique).</source>
        <translation>Le nom de l&apos;invite vocale (unique).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>The exact text spoken in the prompt.</source>
        <translation>Le texte exact prononcé dans l&apos;invite vocale.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Importer un fichier.</translation>
    </message>
    <message>
        <source>The audio file to import (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>Le fichier audio à importer (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>--name is required: the prompt&apos;s name.</source>
        <translation>--name est obligatoire&#xa0;: le nom de l&apos;invite vocale.</translation>
    </message>
    <message>
        <source>Imported %1 as the voice prompt %2 (%3).</source>
        <translation>%1 importé comme invite vocale %2 (%3).</translation>
    </message>
    <message>
        <source>List voice prompts and the calendar events that use them.</source>
        <translation>Répertorier les invites vocales et les événements des calendriers qui les utilisent.</translation>
    </message>
    <message>
        <source>List voice prompts.</source>
        <translation>Répertorier les invites vocales.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisée par</translation>
    </message>
    <message>
        <source>Write a voice prompt&apos;s audio (WAV, A-law, 8000 Hz, mono) to a file.</source>
        <translation>Écrire l&apos;audio d&apos;une invite vocale (WAV, A-law, 8000 Hz, mono) dans un fichier.</translation>
    </message>
    <message>
        <source>Export a prompt.</source>
        <translation>Exporter une invite vocale.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name.</source>
        <translation>Le nom de l&apos;invite vocale.</translation>
    </message>
    <message>
        <source>The WAV file to write.</source>
        <translation>Le fichier WAV à écrire.</translation>
    </message>
    <message>
        <source>Wrote the voice prompt %1 to %2.</source>
        <translation>Invite vocale %1 écrite dans %2.</translation>
    </message>
    <message>
        <source>Delete a voice prompt; refused while a calendar event uses it.</source>
        <translation>Supprimer une invite vocale&#xa0;; refusé tant qu&apos;un événement de calendrier l&apos;utilise.</translation>
    </message>
    <message>
        <source>Delete a prompt.</source>
        <translation>Supprimer une invite vocale.</translation>
    </message>
    <message>
        <source>Deleted the voice prompt %1.</source>
        <translation>Invite vocale %1 supprimée.</translation>
    </message>
</context>
<context>
    <name>PromptConverter</name>
    <message>
        <source>The prompt is not an A-law, 8000 Hz, mono WAV file: %1</source>
        <translation>L&apos;invite vocale n&apos;est pas un fichier WAV A-law, 8000 Hz, mono&#xa0;: %1</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stéréo</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 canaux</translation>
    </message>
    <message>
        <source>%1 contains no audio.</source>
        <translation>%1 ne contient aucun son.</translation>
    </message>
    <message>
        <source>%1 could not be converted: %2</source>
        <translation>%1 n&apos;a pas pu être converti&#xa0;: %2</translation>
    </message>
    <message>
        <source>The loudness of %1 could not be measured (silent or too short); it was left unchanged.</source>
        <translation>Le volume sonore de %1 n&apos;a pas pu être mesuré (silencieux ou trop court)&#xa0;; il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 of %2 samples were clipped at full scale.</source>
        <translation>%1 échantillons sur %2 ont été écrêtés à pleine échelle.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 is not an audio file Centrale can read: %2</source>
        <translation>%1 n&apos;est pas un fichier audio que Centrale peut lire&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 has no audio channels.</source>
        <translation>%1 n&apos;a aucun canal audio.</translation>
    </message>
    <message>
        <source>%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.</source>
        <translation>%1 a une fréquence d&apos;échantillonnage de %2 Hz&#xa0;; Centrale accepte de %3 à %4 Hz.</translation>
    </message>
    <message>
        <source>%1 lasts %2; a voice prompt may last at most %3.</source>
        <translation>%1 dure %2&#xa0;; une invite vocale peut durer au plus %3.</translation>
    </message>
    <message>
        <source>%1 is shorter than its header says; it was read as far as the audio goes.</source>
        <translation>%1 est plus court que ne l&apos;indique son en-tête&#xa0;; il a été lu jusqu&apos;à la fin des données audio.</translation>
    </message>
    <message>
        <source>The recording</source>
        <translation>L&apos;enregistrement</translation>
    </message>
    <message numerus="yes">
        <source>%1 contains %n invalid sample(s) (infinite or not a number), replaced by silence.</source>
        <translation>
            <numerusform>%1 contient %n échantillon non valide (infini ou non numérique), remplacé par du silence.</numerusform>
            <numerusform>%1 contient %n échantillons non valides (infinis ou non numériques), remplacés par du silence.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptFileDialog</name>
    <message>
        <source>Audio files (%1)</source>
        <translation>Fichiers audio (%1)</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>The voice prompt %1 has no audio yet: import or record it first.</source>
        <translation>L&apos;invite vocale %1 n&apos;a pas encore d&apos;audio&#xa0;: importez-la ou enregistrez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>PromptRepository</name>
    <message>
        <source>A voice prompt named %1 already exists.</source>
        <translation>Une invite vocale nommée %1 existe déjà.</translation>
    </message>
    <message>
        <source>No such voice prompt.</source>
        <translation>Cette invite vocale n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no voice prompt named %1.</source>
        <translation>Il n&apos;y a pas d&apos;invite vocale nommée %1.</translation>
    </message>
    <message>
        <source>The voice prompt %1 is played by %2; choose another prompt there first.</source>
        <translation>L&apos;invite vocale %1 est diffusée par %2&#xa0;; choisissez-y d&apos;abord une autre invite.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>On %1, all day</source>
        <extracomment>%1 is a date</extracomment>
        <translation>Le %1, toute la journée</translation>
    </message>
    <message>
        <source>From %1 to %2, all day</source>
        <extracomment>two dates</extracomment>
        <translation>Du %1 au %2, toute la journée</translation>
    </message>
    <message>
        <source>On %1 from %2 to %3</source>
        <extracomment>%1 is a date, %2 and %3 times</extracomment>
        <translation>Le %1 de %2 à %3</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <extracomment>two dates with their times</extracomment>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>Custom repeat rule: %1</source>
        <extracomment>%1 is an iCalendar RRULE</extracomment>
        <translation>Règle de répétition personnalisée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Every weekday</source>
        <translation>Du lundi au vendredi</translation>
    </message>
    <message>
        <source>Every %1</source>
        <extracomment>%1 is a list of days of the week, e.g. &quot;Monday, Wednesday and Friday&quot;</extracomment>
        <translation>Chaque %1</translation>
    </message>
    <message>
        <source>Every month on day %1</source>
        <extracomment>%1 is a day of the month (1 to 31)</extracomment>
        <translation>Tous les mois le %1</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <extracomment>%1 is a day and month, e.g. &quot;1 January&quot;</extracomment>
        <translation>Chaque année le %1</translation>
    </message>
    <message>
        <source>%1, all day</source>
        <extracomment>%1 says when an event repeats, e.g. &quot;Every year on 1 January&quot;</extracomment>
        <translation>%1, toute la journée</translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <translation>
            <numerusform>%1, pendant %n jour</numerusform>
            <numerusform>%1, pendant %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from %2 to %3 the next day</source>
        <extracomment>%1 says when an event repeats; the event ends the day after it starts</extracomment>
        <translation>%1 de %2 à %3 le lendemain</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <extracomment>%1 says when an event repeats, %2 and %3 are times</extracomment>
        <translation>%1 de %2 à %3</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <extracomment>%1 is the summary so far, %2 a date</extracomment>
        <translation>%1, jusqu&apos;au %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n time(s)</source>
        <translation>
            <numerusform>%1, %n fois</numerusform>
            <numerusform>%1, %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, except on %2</source>
        <extracomment>%1 is the summary so far, %2 a list of dates</extracomment>
        <translation>%1, sauf le %2</translation>
    </message>
</context>
<context>
    <name>RestConnector</name>
    <message>
        <source>The server address must look like https://centrale.example.be:8443.</source>
        <translation>L’adresse du serveur doit avoir la forme https://centrale.example.be:8443.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Le serveur %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>Impossible de joindre le serveur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Le serveur a répondu avec le statut %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the login has no session.</source>
        <translation>La réponse du serveur à la connexion ne contient pas de session.</translation>
    </message>
    <message>
        <source>The server answered a batch of %1 changes with %2 results.</source>
        <translation>Le serveur a répondu à un lot de %1 modifications par %2 résultats.</translation>
    </message>
</context>
<context>
    <name>ScheduleEngine</name>
    <message>
        <source>The time zone is not known; choose one such as Europe/Brussels.</source>
        <translation>Le fuseau horaire est inconnu&#xa0;; choisissez-en un comme Europe/Brussels.</translation>
    </message>
</context>
<context>
    <name>ScheduleEvent</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>The event does not belong to a function number.</source>
        <translation>L&apos;événement n&apos;appartient à aucun numéro de fonction.</translation>
    </message>
    <message>
        <source>The event needs a valid start and end.</source>
        <translation>L&apos;événement doit avoir un début et une fin valides.</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>L&apos;événement doit se terminer après son début.</translation>
    </message>
    <message>
        <source>%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</source>
        <translation>%1 n&apos;est pas une règle de récurrence valide (RRULE iCalendar), p. ex. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>The cryptographic library could not start.</source>
        <translation>La bibliothèque cryptographique n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>There was not enough memory to protect the secret.</source>
        <translation>Mémoire insuffisante pour protéger le secret.</translation>
    </message>
</context>
<context>
    <name>ServerCommand</name>
    <message>
        <source>The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>La base de données&#xa0;: sqlite:CHEMIN ou postgresql://UTILISATEUR:MOTDEPASSE@HÔTE:PORT/BASE.</translation>
    </message>
    <message>
        <source>Usage: centrale-server COMMAND [OPTIONS]

The Centrale server: the REST API of docs/api/openapi.yaml over PostgreSQL or SQLite.

Commands:
  serve --db URL --listen HOST:PORT [--cert FILE --key FILE]
      Serves the API. --db is sqlite:PATH (one machine) or
      postgresql://USER:PASSWORD@HOST:PORT/DATABASE (several instances may share it).
      --listen is the address and port, for example 127.0.0.1:8443 or [::]:8443.
      With --cert and --key (PEM files), the server speaks HTTPS only.
  create-org DOMAIN --name TEXT [--language fr|nl|en] --db URL
      Creates an organisation, addressed by its domain.
  create-admin USERNAME --org DOMAIN --db URL
      Creates an administrator of the organisation (USERNAME is name@DOMAIN), or makes an
      existing user one. The password is read from standard input.

Each command takes --help. The database schema is created or brought up to date on start.
</source>
        <translation>Utilisation&#xa0;: centrale-server COMMANDE [OPTIONS]

Le serveur Centrale&#xa0;: l’API REST de docs/api/openapi.yaml sur PostgreSQL ou SQLite.

Commandes&#xa0;:
  serve --db URL --listen HOST:PORT [--cert FILE --key FILE]
      Sert l’API. --db vaut sqlite:CHEMIN (une seule machine) ou
      postgresql://UTILISATEUR:MOTDEPASSE@HÔTE:PORT/BASE (plusieurs instances peuvent la partager).
      --listen donne l’adresse et le port, par exemple 127.0.0.1:8443 ou [::]:8443.
      Avec --cert et --key (fichiers PEM), le serveur ne parle que HTTPS.
  create-org DOMAIN --name TEXT [--language fr|nl|en] --db URL
      Crée une organisation, désignée par son domaine.
  create-admin USERNAME --org DOMAIN --db URL
      Crée un administrateur de l’organisation (USERNAME vaut nom@DOMAINE) ou en fait un
      d’un utilisateur existant. Le mot de passe est lu sur l’entrée standard.

Chaque commande accepte --help. Le schéma de la base de données est créé ou mis à jour au démarrage.
</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Commande inconnue %1.</translation>
    </message>
    <message>
        <source>Address and port to listen on (HOST:PORT).</source>
        <translation>Adresse et port d’écoute (HÔTE:PORT).</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>Certificat (chaîne) PEM pour HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Clé privée PEM pour HTTPS.</translation>
    </message>
    <message>
        <source>serve needs --db and --listen.</source>
        <translation>serve demande --db et --listen.</translation>
    </message>
    <message>
        <source>HTTPS needs both --cert and --key.</source>
        <translation>HTTPS demande à la fois --cert et --key.</translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3), database %4.</source>
        <translation>À l’écoute sur %1 port %2 (%3), base de données %4.</translation>
    </message>
    <message>
        <source>Creates an organisation.</source>
        <translation>Crée une organisation.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name.</source>
        <translation>Le nom de l’organisation.</translation>
    </message>
    <message>
        <source>Its language: fr, nl or en (default fr).</source>
        <translation>Sa langue&#xa0;: fr, nl ou en (fr par défaut).</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain, for example domaincustomer.be.</source>
        <translation>Le domaine de l’organisation, par exemple domaincustomer.be.</translation>
    </message>
    <message>
        <source>create-org needs DOMAIN, --name and --db.</source>
        <translation>create-org demande DOMAINE, --name et --db.</translation>
    </message>
    <message>
        <source>Organisation %1 created (id %2).</source>
        <translation>Organisation %1 créée (identifiant %2).</translation>
    </message>
    <message>
        <source>Creates an administrator; the password is read from standard input.</source>
        <translation>Crée un administrateur&#xa0;; le mot de passe est lu sur l’entrée standard.</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain.</source>
        <translation>Le domaine de l’organisation.</translation>
    </message>
    <message>
        <source>name@domain</source>
        <translation>nom@domaine</translation>
    </message>
    <message>
        <source>create-admin needs USERNAME, --org and --db.</source>
        <translation>create-admin demande NOMUTILISATEUR, --org et --db.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>Aucun mot de passe n’a été donné sur l’entrée standard.</translation>
    </message>
    <message>
        <source>Administrator %1 of %2 is ready (user id %3).</source>
        <translation>L’administrateur %1 de %2 est prêt (identifiant utilisateur %3).</translation>
    </message>
    <message>
        <source>Seconds after which a silent connection is closed, keep-alive included (default 60).</source>
        <translation>Secondes après lesquelles une connexion silencieuse est fermée, keep-alive compris (60 par défaut).</translation>
    </message>
    <message>
        <source>--idle-timeout takes a number of seconds from 0.1 to 3600.</source>
        <translation>--idle-timeout prend un nombre de secondes de 0,1 à 3600.</translation>
    </message>
    <message>
        <source>How long the administrator view stays open after the password is given again (default 900).</source>
        <translation>Durée pendant laquelle la vue administrateur reste ouverte après que le mot de passe a été redonné (900 par défaut).</translation>
    </message>
    <message>
        <source>--elevation-seconds needs a number of seconds.</source>
        <translation>--elevation-seconds attend un nombre de secondes.</translation>
    </message>
    <message>
        <source>
Messages (serve): welcome and password-reset messages wait in the database and are sent by e-mail
(--smtp URL --mail-from ADDRESS) or SMS (--sms-gateway URL [--sms-key KEY]), retried with back-off
while the mail server or the gateway is down. Options may come from --config FILE; secrets are never printed.
</source>
        <translation>
Messages (serve)&#xa0;: les messages de bienvenue et de réinitialisation du mot de passe attendent dans la base de données et partent par e-mail
(--smtp URL --mail-from ADRESSE) ou par SMS (--sms-gateway URL [--sms-key CLÉ]), avec de nouveaux essais espacés
tant que le serveur de messagerie ou la passerelle est hors service. Les options peuvent venir de --config FICHIER&#xa0;; les secrets ne sont jamais affichés.
</translation>
    </message>
    <message>
        <source>Serves the Centrale API and delivers its messages (e-mail and SMS).</source>
        <translation>Sert l’API de Centrale et envoie ses messages (e-mail et SMS).</translation>
    </message>
    <message>
        <source>Reads the options from this file (INI: one &quot;option = value&quot; a line, for example smtp = smtps://...); the command line wins. Keep secrets here, readable by the server&apos;s account only.</source>
        <translation>Lit les options dans ce fichier (INI&#xa0;: une ligne « option = valeur » par option, par exemple smtp = smtps://...)&#xa0;; la ligne de commande l’emporte. Gardez-y les secrets, lisible par le seul compte du serveur.</translation>
    </message>
    <message>
        <source>The mail server: smtp://[USER:PASSWORD@]HOST:587 (STARTTLS when offered) or smtps://HOST:465 (TLS). Without it, e-mail waits in the queue.</source>
        <translation>Le serveur de messagerie&#xa0;: smtp://[UTILISATEUR:MOTDEPASSE@]HÔTE:587 (STARTTLS s’il est proposé) ou smtps://HÔTE:465 (TLS). Sans lui, les e-mails attendent dans la file.</translation>
    </message>
    <message>
        <source>The sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>L’adresse e-mail de l’expéditeur, par exemple centrale@example.be.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s address (HTTP POST of JSON {to, from, text, encoding, parts}). Without it, SMS wait in the queue.</source>
        <translation>L’adresse de la passerelle SMS (HTTP POST d’un JSON {to, from, text, encoding, parts}). Sans elle, les SMS attendent dans la file.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s key, sent as Authorization: Bearer KEY.</source>
        <translation>La clé de la passerelle SMS, envoyée comme Authorization&#xa0;: Bearer CLÉ.</translation>
    </message>
    <message>
        <source>The SMS sender name or number (default Centrale).</source>
        <translation>Le nom ou le numéro d’expéditeur des SMS (Centrale par défaut).</translation>
    </message>
    <message>
        <source>The web portal&apos;s address, given in welcome messages (the code link is URL/reset-password?code=...).</source>
        <translation>L’adresse du portail web, donnée dans les messages de bienvenue (le lien du code est URL/reset-password?code=...).</translation>
    </message>
    <message>
        <source>Where to download the mobile app, given in welcome messages.</source>
        <translation>Où télécharger l’application mobile, indiqué dans les messages de bienvenue.</translation>
    </message>
    <message>
        <source>Where to download the PC softphone, given in welcome messages.</source>
        <translation>Où télécharger le softphone pour PC, indiqué dans les messages de bienvenue.</translation>
    </message>
    <message>
        <source>Seconds before the first new attempt after a temporary error (default 30); doubled at each attempt, at most one hour.</source>
        <translation>Secondes avant le premier nouvel essai après une erreur temporaire (30 par défaut)&#xa0;; doublées à chaque essai, une heure au plus.</translation>
    </message>
    <message>
        <source>Attempts before a message is given up (default 10).</source>
        <translation>Nombre d’essais avant d’abandonner un message (10 par défaut).</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Impossible de lire le fichier de configuration %1.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>Le fichier de configuration %1 n’est pas un fichier INI valable.</translation>
    </message>
    <message>
        <source>--retry-after must be a number of seconds from 1 to 3600.</source>
        <translation>--retry-after doit être un nombre de secondes de 1 à 3600.</translation>
    </message>
    <message>
        <source>--max-attempts must be a number from 1 to 100.</source>
        <translation>--max-attempts doit être un nombre de 1 à 100.</translation>
    </message>
    <message>
        <source>--smtp needs --mail-from, the sender&apos;s address.</source>
        <translation>--smtp demande --mail-from, l’adresse de l’expéditeur.</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3.</source>
        <translation>--%1 doit être un nombre de secondes de %2 à %3.</translation>
    </message>
    <message>
        <source>--call-local-address %1 is not an IP address of this server.</source>
        <translation>--call-local-address&#xa0;: %1 n&apos;est pas une adresse IP de ce serveur.</translation>
    </message>
    <message>
        <source>--call-instructions: %1</source>
        <translation>--call-instructions&#xa0;: %1</translation>
    </message>
    <message>
        <source>
Recording a prompt by call (serve): the server calls the user&apos;s desk phone over SIP, plays a spoken
instruction in the user&apos;s language and a beep, and records until the person hangs up or presses #
(--call-ring-seconds N, --call-max-seconds N, --call-local-address ADDRESS, --call-instructions FOLDER).
</source>
        <translation>
Enregistrement d&apos;un message par appel (serve)&#xa0;: le serveur appelle le téléphone de bureau de l&apos;utilisateur en SIP,
lui fait entendre une consigne dans sa langue puis un bip, et enregistre jusqu&apos;à ce que la personne raccroche
ou appuie sur # (--call-ring-seconds N, --call-max-seconds N, --call-local-address ADRESSE, --call-instructions DOSSIER).
</translation>
    </message>
    <message>
        <source>Recording a prompt by call: how long the phone rings before the call ends unanswered, 5 to 120 (default 30).</source>
        <translation>Enregistrement par appel&#xa0;: combien de temps le téléphone sonne avant que l&apos;appel se termine sans réponse, de 5 à 120 (30 par défaut).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the longest recording, 10 to 1800; a longer one is cut there and kept (default 300).</source>
        <translation>Enregistrement par appel&#xa0;: la durée maximale d&apos;un enregistrement, de 10 à 1800&#xa0;; un enregistrement plus long est coupé là et conservé (300 par défaut).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the IP address the SIP and RTP sockets bind to (default: the one that reaches the phone).</source>
        <translation>Enregistrement par appel&#xa0;: l&apos;adresse IP à laquelle se lient les sockets SIP et RTP (par défaut&#xa0;: celle qui atteint le téléphone).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: a folder holding fr.wav, nl.wav and en.wav (any format libsndfile reads), spoken before the beep in the called user&apos;s language instead of the built-in instructions.</source>
        <translation>Enregistrement par appel&#xa0;: un dossier contenant fr.wav, nl.wav et en.wav (tout format que libsndfile lit), diffusés avant le bip dans la langue de l&apos;utilisateur appelé à la place des consignes intégrées.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>The database address sqlite: needs a file path (sqlite:/var/lib/centrale/server.db).</source>
        <translation>L’adresse de base de données sqlite&#xa0;: demande un chemin de fichier (sqlite:/var/lib/centrale/server.db).</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>Le pilote SQLite de Qt n’est pas installé (Debian&#xa0;: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>The database address must look like postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>L’adresse de base de données doit avoir la forme postgresql://UTILISATEUR:MOTDEPASSE@HÔTE:PORT/BASE.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian: libqt6sql6-psql).</source>
        <translation>Le pilote PostgreSQL de Qt n’est pas installé (Debian&#xa0;: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Unknown database address %1: use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>Adresse de base de données inconnue %1&#xa0;: utilisez sqlite:CHEMIN ou postgresql://UTILISATEUR:MOTDEPASSE@HÔTE:PORT/BASE.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Impossible d’ouvrir la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation>Un enregistrement avec la même clé existe déjà.</translation>
    </message>
    <message>
        <source>The server&apos;s database reported an error.</source>
        <translation>La base de données du serveur a signalé une erreur.</translation>
    </message>
    <message>
        <source>The server&apos;s database could not start a transaction: %1</source>
        <translation>La base de données du serveur n’a pas pu démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s database could not commit: %1</source>
        <translation>La base de données du serveur n’a pas pu valider&#xa0;: %1</translation>
    </message>
    <message>
        <source>The database was created by a newer Centrale server (schema %1; this one knows %2).</source>
        <translation>La base de données a été créée par un serveur Centrale plus récent (schéma %1&#xa0;; celui-ci connaît %2).</translation>
    </message>
</context>
<context>
    <name>ServiceSettings</name>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Forward on no answer after (seconds)</source>
        <translation>Renvoi en cas de non-réponse après (secondes)</translation>
    </message>
    <message>
        <source>International calls allowed</source>
        <translation>Appels internationaux autorisés</translation>
    </message>
    <message>
        <source>Call recording</source>
        <translation>Enregistrement des appels</translation>
    </message>
    <message>
        <source>Caller ID shown</source>
        <translation>Numéro présenté</translation>
    </message>
    <message>
        <source>Own direct number</source>
        <translation>Numéro direct personnel</translation>
    </message>
    <message>
        <source>Organisation&apos;s main number</source>
        <translation>Numéro principal de l&apos;organisation</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>(inherited)</source>
        <translation>(hérité)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Forward on no answer must be between 5 and 120 seconds, not %1.</source>
        <translation>Le délai de renvoi en cas de non-réponse doit être compris entre 5 et 120 secondes, et non %1.</translation>
    </message>
    <message>
        <source>%1 is not a known service setting.</source>
        <translation>%1 n&apos;est pas un paramètre de service connu.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groupe %1</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>SipPhone</name>
    <message>
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>%1 is not a MAC address; it must have 12 hexadecimal digits, e.g. 00:04:13:2A:3B:4C.</source>
        <translation>%1 n&apos;est pas une adresse MAC&#xa0;; elle doit comporter 12 chiffres hexadécimaux, p. ex. 00:04:13:2A:3B:4C.</translation>
    </message>
    <message>
        <source>%1 is not a supported phone model; choose one of: %2.</source>
        <translation>%1 n&apos;est pas un modèle de téléphone pris en charge&#xa0;; choisissez l&apos;un des modèles suivants&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Key %1 does not exist on a %2, which has keys 1 to %3.</source>
        <translation>La touche %1 n&apos;existe pas sur un %2&#xa0;; ce modèle a les touches 1 à %3.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>La touche %1 est programmée deux fois.</translation>
    </message>
    <message>
        <source>Key %1: choose the colleague whose extension it calls.</source>
        <translation>Touche %1&#xa0;: choisissez le collègue dont elle appelle le poste.</translation>
    </message>
    <message>
        <source>Key %1: display name</source>
        <translation>Touche %1&#xa0;: nom affiché</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Touche %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Key %1: label</source>
        <translation>Touche %1 : libellé</translation>
    </message>
    <message>
        <source>%1 is not a SIP address; write the phone&apos;s host name or IP address, optionally followed by :port, e.g. 192.168.1.20:5060.</source>
        <translation>%1 n’est pas une adresse SIP ; indiquez le nom d’hôte ou l’adresse IP du téléphone, éventuellement suivi de :port, par ex. 192.168.1.20:5060.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>SIP user</source>
        <translation>Utilisateur SIP</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>Mot de passe SIP</translation>
    </message>
</context>
<context>
    <name>SmsGateway</name>
    <message>
        <source>The SMS gateway must be an http:// or https:// address.</source>
        <translation>La passerelle SMS doit être une adresse http:// ou https://.</translation>
    </message>
</context>
<context>
    <name>SmtpSender</name>
    <message>
        <source>The mail server must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465.</source>
        <translation>Le serveur de messagerie doit ressembler à smtp://UTILISATEUR:MOTDEPASSE@HÔTE:587 ou smtps://HÔTE:465.</translation>
    </message>
    <message>
        <source>--mail-from needs the sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>--mail-from demande l’adresse e-mail de l’expéditeur, par exemple centrale@example.be.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>
Server:
  login --server URL --user NAME   log in (password from the terminal, or standard input), then pull the organisation
  sync                          send this store&apos;s changes, then receive the server&apos;s
  status                        the server, the last sync, changes waiting and conflicts
  conflicts [--keep-mine ID | --take-theirs ID]   list or resolve changes the server refused
  logout                        end the session and forget its token
</source>
        <translation>
Serveur&#xa0;:
  login --server URL --user NAME   se connecter (mot de passe depuis le terminal ou l’entrée standard), puis recevoir l’organisation
  sync                          envoyer les modifications de cette base de données, puis recevoir celles du serveur
  status                        le serveur, la dernière synchronisation, les modifications en attente et les conflits
  conflicts [--keep-mine ID | --take-theirs ID]   lister ou résoudre les modifications refusées par le serveur
  logout                        fermer la session et oublier son jeton
</translation>
    </message>
    <message>
        <source>Logs in to a Centrale server with this store. The password is read from the terminal without echo, or from standard input when it is not a terminal. A new store is created and filled from the server.</source>
        <translation>Se connecte à un serveur Centrale avec cette base de données. Le mot de passe est lu depuis le terminal sans écho, ou depuis l’entrée standard quand ce n’est pas un terminal. Une nouvelle base de données est créée et remplie depuis le serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443.</source>
        <translation>L’adresse du serveur, par exemple https://centrale.example.be:8443.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Your username (name@domain) or registered mobile number.</source>
        <translation>Votre nom d’utilisateur (nom@domaine) ou votre numéro mobile enregistré.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>login needs --server URL and --user NAME.</source>
        <translation>login demande --server URL et --user NOM.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Mot de passe de %1&#xa0;: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Aucun mot de passe n’a été donné.</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2 (%3).</source>
        <translation>Connecté à %1 en tant que %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this store will be sent at the next sync.</source>
        <translation>
            <numerusform>%n enregistrement de cette base de données sera envoyé à la prochaine synchronisation.</numerusform>
            <numerusform>%n enregistrements de cette base de données seront envoyés à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>Cette base de données n’est reliée à aucun serveur. Connectez-vous d’abord&#xa0;: centrale-cli login --server URL --user NOM</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Il n’y a pas de session pour %1 sur %2&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>Sends this store&apos;s changes to its server, in order, then receives the server&apos;s changes.</source>
        <translation>Envoie dans l’ordre les modifications de cette base de données à son serveur, puis reçoit celles du serveur.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>Le serveur a refusé&#xa0;: %1 Reconnectez-vous avec centrale-cli login.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>%n modification envoyée</numerusform>
            <numerusform>%n modifications envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n</source>
        <translation>
            <numerusform>%n reçue</numerusform>
            <numerusform>%n reçues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server: see centrale-cli conflicts.</source>
        <translation>
            <numerusform>%n modification refusée par le serveur&#xa0;: voir centrale-cli conflicts.</numerusform>
            <numerusform>%n modifications refusées par le serveur&#xa0;: voir centrale-cli conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) still waiting.</source>
        <translation>
            <numerusform>%n modification encore en attente.</numerusform>
            <numerusform>%n modifications encore en attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server wait until the conflicts here are resolved.</source>
        <translation>
            <numerusform>%n modification du serveur attend la résolution des conflits ici.</numerusform>
            <numerusform>%n modifications du serveur attendent la résolution des conflits ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows the server of this store, its last sync, the changes waiting and the conflicts.</source>
        <translation>Montre le serveur de cette base de données, sa dernière synchronisation, les modifications en attente et les conflits.</translation>
    </message>
    <message>
        <source>Not connected to a server (local store only).</source>
        <translation>Pas relié à un serveur (base de données locale uniquement).</translation>
    </message>
    <message>
        <source>Server: %1, as %2 (%3)</source>
        <translation>Serveur&#xa0;: %1, en tant que %2 (%3)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Changes waiting: %1</source>
        <translation>Modifications en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflits&#xa0;: %1</translation>
    </message>
    <message>
        <source>Lists the changes the server refused, or resolves one: keep this store&apos;s version (sent again, over the server&apos;s) or take the server&apos;s (this store&apos;s change is dropped).</source>
        <translation>Liste les modifications refusées par le serveur, ou en résout une&#xa0;: garder la version de cette base de données (envoyée à nouveau, par-dessus celle du serveur) ou prendre celle du serveur (la modification de cette base de données est abandonnée).</translation>
    </message>
    <message>
        <source>Send this store&apos;s version again.</source>
        <translation>Envoyer à nouveau la version de cette base de données.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Take the server&apos;s version.</source>
        <translation>Prendre la version du serveur.</translation>
    </message>
    <message>
        <source>A conflict is named by its number (see centrale-cli conflicts).</source>
        <translation>Un conflit se désigne par son numéro (voir centrale-cli conflicts).</translation>
    </message>
    <message>
        <source>Your version will be sent at the next sync.</source>
        <translation>Votre version sera envoyée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The server&apos;s version is now in this store.</source>
        <translation>La version du serveur est maintenant dans cette base de données.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Ends the session on the server and removes its token from the system keychain.</source>
        <translation>Ferme la session sur le serveur et retire son jeton du trousseau du système.</translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>User group</source>
        <translation>Groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Message vocal</translation>
    </message>
    <message>
        <source>Function number</source>
        <translation>Numéro de fonction</translation>
    </message>
    <message>
        <source>Calendar event</source>
        <translation>Événement du calendrier</translation>
    </message>
    <message>
        <source>SIP phone</source>
        <translation>Téléphone SIP</translation>
    </message>
    <message>
        <source>Key template</source>
        <translation>Modèle de touches</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>It was deleted on the server after you changed it here.</source>
        <translation>Il a été supprimé sur le serveur après votre modification ici.</translation>
    </message>
    <message>
        <source>It was changed on the server (now version %1) after you changed it here.</source>
        <translation>Il a été modifié sur le serveur (version %1 à présent) après votre modification ici.</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Envoi des modifications</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Réception des modifications</translation>
    </message>
    <message>
        <source>There is no conflict %1.</source>
        <translation>Il n’y a pas de conflit %1.</translation>
    </message>
    <message>
        <source>Welcome message to</source>
        <translation>Message d’accueil pour</translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n change(s) sent and %1 received until then are kept; the next sync goes on from there.</source>
        <translation>
            <numerusform>Synchronisation arrêtée&#xa0;: %n modification envoyée et %1 reçues jusque-là sont conservées&#xa0;; la prochaine synchronisation reprend à partir de là.</numerusform>
            <numerusform>Synchronisation arrêtée&#xa0;: %n modifications envoyées et %1 reçues jusque-là sont conservées&#xa0;; la prochaine synchronisation reprend à partir de là.</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN of</source>
        <translation>Code PIN de</translation>
    </message>
    <message>
        <source>Password of</source>
        <translation>Mot de passe de</translation>
    </message>
    <message>
        <source>Photo of</source>
        <translation>Photo de</translation>
    </message>
</context>
<context>
    <name>SyncSetup</name>
    <message>
        <source>This store holds the organisation %1, but %2 administers %3 on that server.</source>
        <translation>Cette base de données contient l&apos;organisation %1, mais %2 administre %3 sur ce serveur.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Il n&apos;y a pas de session pour %1 sur %2&#xa0;: reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>User</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>A user cannot be in the same group twice.</source>
        <translation>Un utilisateur ne peut pas faire partie deux fois du même groupe.</translation>
    </message>
</context>
<context>
    <name>UserCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>La ligne a %1 champs mais l&apos;en-tête nomme %2 colonnes&#xa0;; vérifiez les séparateurs et les guillemets.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>Il n&apos;y a pas de groupe d&apos;utilisateurs %1&#xa0;; créez-le d&apos;abord ou corrigez le nom.</translation>
    </message>
    <message>
        <source>The username %1 is already on line %2 of the file.</source>
        <translation>Le nom d&apos;utilisateur %1 figure déjà à la ligne %2 du fichier.</translation>
    </message>
    <message>
        <source>%1 is not in the organisation&apos;s pool of numbers.</source>
        <translation>%1 ne fait pas partie du pool de numéros de l&apos;organisation.</translation>
    </message>
    <message>
        <source>%1 is already assigned to %2.</source>
        <translation>%1 est déjà attribué à %2.</translation>
    </message>
    <message>
        <source>The direct number %1 is already given on line %2 of the file.</source>
        <translation>Le numéro direct %1 est déjà attribué à la ligne %2 du fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n ligne du fichier est refusée&#xa0;; rien n&apos;a été importé. Corrigez-la, ou importez les autres lignes en l&apos;ignorant.</numerusform>
            <numerusform>%n lignes du fichier sont refusées&#xa0;; rien n&apos;a été importé. Corrigez-les, ou importez les autres lignes en les ignorant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Ligne %1&#xa0;: %2 Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>UserGroup</name>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>UserPhoto</name>
    <message>
        <source>%1 cannot be used as a photo: %2.</source>
        <translation>%1 ne peut pas servir de photo&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>L’image</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>La photo n’a pas pu être enregistrée en JPEG&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>La photo est trop détaillée pour respecter la taille maximale.</translation>
    </message>
</context>
<context>
    <name>UserPhotoImage</name>
    <message>
        <source>The photo is not a JPEG picture that can be read (%1).</source>
        <translation>La photo n’est pas une image JPEG lisible (%1).</translation>
    </message>
    <message>
        <source>it does not start as a JPEG file</source>
        <translation>elle ne commence pas comme un fichier JPEG</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>La photo n’a pas pu être enregistrée en JPEG&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>La photo est trop détaillée pour respecter la taille maximale.</translation>
    </message>
    <message>
        <source>The photo is %1 x %2 pixels: too large to be a photo.</source>
        <translation>La photo fait %1 x %2 pixels&#xa0;: trop grande pour être une photo.</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>The user cannot join a group that does not exist (%1).</source>
        <translation>L&apos;utilisateur ne peut pas rejoindre un groupe qui n&apos;existe pas (%1).</translation>
    </message>
    <message>
        <source>The username %1 is already taken.</source>
        <translation>Le nom d&apos;utilisateur %1 est déjà pris.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>Cet utilisateur n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur %1.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG picture.</source>
        <translation>La photo doit être une image JPEG.</translation>
    </message>
    <message>
        <source>The photo is too large (%1 KiB); at most %2 KiB.</source>
        <translation>La photo est trop volumineuse (%1 Kio)&#xa0;; %2 Kio au plus.</translation>
    </message>
    <message>
        <source>Choose at least one access: Web, Mobile or Softphone.</source>
        <translation>Choisissez au moins un accès&#xa0;: Web, Mobile ou Softphone.</translation>
    </message>
    <message>
        <source>The user group no longer exists.</source>
        <translation>Le groupe d’utilisateurs n’existe plus.</translation>
    </message>
</context>
<context>
    <name>Validators</name>
    <message>
        <source>The domain is empty; enter one such as domaincustomer.be.</source>
        <translation>Le domaine est vide&#xa0;; saisissez-en un, par exemple domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid domain; enter one such as domaincustomer.be.</source>
        <translation>%1 n&apos;est pas un domaine valide&#xa0;; saisissez-en un, par exemple domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address; it must look like name@example.be.</source>
        <translation>%1 n&apos;est pas une adresse e-mail valide&#xa0;; elle doit avoir la forme nom@example.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: the part before @ contains characters that are not allowed.</source>
        <translation>%1 n&apos;est pas une adresse e-mail valide&#xa0;: la partie avant @ contient des caractères non autorisés.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: %2 is not a valid domain.</source>
        <translation>%1 n&apos;est pas une adresse e-mail valide&#xa0;: %2 n&apos;est pas un domaine valide.</translation>
    </message>
    <message>
        <source>The username is empty; it must look like user.1@%1.</source>
        <translation>Le nom d&apos;utilisateur est vide&#xa0;; il doit avoir la forme user.1@%1.</translation>
    </message>
    <message>
        <source>%1 is not a valid username; it must look like user.1@%2.</source>
        <translation>%1 n&apos;est pas un nom d&apos;utilisateur valide&#xa0;; il doit avoir la forme user.1@%2.</translation>
    </message>
    <message>
        <source>%1 is not a valid username: the part before @ may contain only letters, digits and . _ -</source>
        <translation>%1 n&apos;est pas un nom d&apos;utilisateur valide&#xa0;: la partie avant @ ne peut contenir que des lettres, des chiffres et . _ -</translation>
    </message>
    <message>
        <source>%1 is not a valid username: it must end with @%2, the organisation&apos;s domain.</source>
        <translation>%1 n&apos;est pas un nom d&apos;utilisateur valide&#xa0;: il doit se terminer par @%2, le domaine de l&apos;organisation.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <extracomment>%1 is a field label such as &quot;Name&quot;</extracomment>
        <translation>Le champ «&#xa0;%1&#xa0;» est obligatoire.</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» est trop long&#xa0;: %2 caractères, %3 au maximum.</translation>
    </message>
    <message>
        <source>%1 contains a control character; remove it.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» contient un caractère de contrôle&#xa0;; supprimez-le.</translation>
    </message>
    <message>
        <source>%1 is not a supported language; choose fr, nl or en.</source>
        <translation>%1 n&apos;est pas une langue prise en charge&#xa0;; choisissez fr, nl ou en.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>Le code PIN doit comporter de 4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>The password must have at least 10 characters.</source>
        <translation>Le mot de passe doit compter au moins 10 caractères.</translation>
    </message>
    <message>
        <source>The password must contain at least one letter and one digit.</source>
        <translation>Le mot de passe doit contenir au moins une lettre et un chiffre.</translation>
    </message>
    <message>
        <source>The password must not contain the username.</source>
        <translation>Le mot de passe ne peut pas contenir le nom d’utilisateur.</translation>
    </message>
</context>
<context>
    <name>VoicePrompt</name>
    <message>
        <source>Imported file</source>
        <translation>Fichier importé</translation>
    </message>
    <message>
        <source>Recorded locally</source>
        <translation>Enregistrée localement</translation>
    </message>
    <message>
        <source>Recorded by call</source>
        <translation>Enregistrée par appel</translation>
    </message>
    <message>
        <source>%1 is not a known prompt origin.</source>
        <translation>%1 n&apos;est pas une origine d&apos;invite connue.</translation>
    </message>
    <message>
        <source>Prompt name</source>
        <translation>Nom de l&apos;invite</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>The duration of a prompt cannot be negative.</source>
        <translation>La durée d&apos;une invite ne peut pas être négative.</translation>
    </message>
</context>
<context>
    <name>WelcomeMessage</name>
    <message>
        <source>Web</source>
        <comment>welcome message: access to the web portal</comment>
        <translation>Web</translation>
    </message>
    <message>
        <source>Mobile</source>
        <comment>welcome message: the smartphone app</comment>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Softphone</source>
        <comment>welcome message: the PC softphone</comment>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>No email address or mobile number registered: add one to the user first.</source>
        <translation>Aucune adresse e-mail ni aucun numéro mobile enregistré&#xa0;: ajoutez-en un à l’utilisateur d’abord.</translation>
    </message>
</context>
<context>
    <name>centrale::AudioInputSource</name>
    <message>
        <source>The audio input %1 cannot be used.</source>
        <translation>L&apos;entrée audio %1 ne peut pas être utilisée.</translation>
    </message>
    <message>
        <source>The audio input %1 could not be opened. Check that it is connected and not used by another program.</source>
        <translation>L&apos;entrée audio %1 n&apos;a pas pu être ouverte. Vérifiez qu&apos;elle est branchée et qu&apos;aucun autre programme ne l&apos;utilise.</translation>
    </message>
</context>
<context>
    <name>centrale::CalendarEditor</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>None: the default state applies</source>
        <translation>Aucun&#xa0;: l&apos;état par défaut s&apos;applique</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <extracomment>%1 is the priority (1 = first), %2 the event&apos;s title</extracomment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>%1 and %2 are the first and last day of a week</extracomment>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Supprimer l&apos;événement</translation>
    </message>
    <message>
        <source>Delete the event “%1” from this calendar?</source>
        <translation>Supprimer l&apos;événement «&#xa0;%1&#xa0;» de ce calendrier&#xa0;?</translation>
    </message>
    <message>
        <source>When no event applies, the number is:</source>
        <translation>Quand aucun événement ne s&apos;applique, le numéro est&#xa0;:</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>État par défaut</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Événements de programmation, par priorité</translation>
    </message>
    <message>
        <source>The first event that applies wins. Drag an event, or press Ctrl+Up and Ctrl+Down, to change its priority.</source>
        <translation>Le premier événement qui s&apos;applique l&apos;emporte. Faites glisser un événement, ou appuyez sur Ctrl+Haut et Ctrl+Bas, pour changer sa priorité.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nouvel événement…</translation>
    </message>
    <message>
        <source>&amp;Edit event…</source>
        <translation>&amp;Modifier l&apos;événement…</translation>
    </message>
    <message>
        <source>D&amp;uplicate event</source>
        <translation>D&amp;upliquer l&apos;événement</translation>
    </message>
    <message>
        <source>&amp;Delete event</source>
        <translation>&amp;Supprimer l&apos;événement</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Monter (&amp;u)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Descendre (&amp;w)</translation>
    </message>
    <message>
        <source>&amp;Copy calendar to…</source>
        <translation>&amp;Copier le calendrier vers…</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Week timeline: open in green, closed in red</source>
        <translation>Semaine&#xa0;: ouvert en vert, fermé en rouge</translation>
    </message>
    <message>
        <source>What happens at…</source>
        <translation>Que se passe-t-il le…</translation>
    </message>
    <message>
        <source>Date and time to preview</source>
        <translation>Date et heure à prévisualiser</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Date et heure&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Voice prompt:</source>
        <translation>Invite vocale&#xa0;:</translation>
    </message>
    <message>
        <source>Deciding event:</source>
        <translation>Événement déterminant&#xa0;:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Invite vocale</translation>
    </message>
    <message>
        <source>Deciding event</source>
        <translation>Événement déterminant</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Up</source>
        <extracomment>Move the selected event up (higher priority)</extracomment>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <extracomment>Move the selected event down (lower priority)</extracomment>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Copy to…</source>
        <translation>Copier vers…</translation>
    </message>
    <message>
        <source>Green: open. Red: closed. Paler: no event applies, the default state does. Point at the week to see the deciding event.</source>
        <translation>Vert&#xa0;: ouvert. Rouge&#xa0;: fermé. Plus pâle&#xa0;: aucun événement ne s&apos;applique, c&apos;est l&apos;état par défaut. Pointez la semaine pour voir l&apos;événement déterminant.</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>Importer un calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Fichiers iCalendar (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 n&apos;a pas été importé&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Import %n event(s) from an .ics file</source>
        <translation>
            <numerusform>Importer %n événement d&apos;un fichier .ics</numerusform>
            <numerusform>Importer %n événements d&apos;un fichier .ics</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>The calendar was not exported to %1: %2</source>
        <extracomment>%1 is a file name, %2 the reason</extracomment>
        <translation>Le calendrier n&apos;a pas été exporté vers %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Add %n Belgian holiday(s)</source>
        <translation>
            <numerusform>Ajouter %n jour férié belge</numerusform>
            <numerusform>Ajouter %n jours fériés belges</numerusform>
        </translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Importer un fichier .ics…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Exporter en .ics…</translation>
    </message>
    <message>
        <source>Belgian holidays…</source>
        <translation>Jours fériés belges…</translation>
    </message>
    <message>
        <source>Calendar files and holidays</source>
        <translation>Fichiers de calendrier et jours fériés</translation>
    </message>
    <message>
        <source>Calendar</source>
        <extracomment>Tool bar button opening the menu with Import .ics…, Export .ics… and Belgian holidays…</extracomment>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictFieldsModel</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Service settings</source>
        <translation>Paramètres de service</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>Dans cette base de données</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictsDialog</name>
    <message>
        <source>Conflicts with the server</source>
        <translation>Conflits avec le serveur</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Fields of the record</source>
        <translation>Champs de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>These changes of this store were refused by the server. Choose for each one which version stays.</source>
        <translation>Le serveur a refusé ces modifications de cette base de données. Choisissez pour chacune la version qui reste.</translation>
    </message>
    <message>
        <source>No conflicts: every change of this store was accepted by the server.</source>
        <translation>Aucun conflit&#xa0;: le serveur a accepté toutes les modifications de cette base de données.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre celle du serveur</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server refused this change: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Le serveur a refusé cette modification&#xa0;: %2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Send this change again, for example once the reason is fixed on the server.</source>
        <translation>Renvoyer cette modification, par exemple une fois la cause corrigée sur le serveur.</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Abandonner ma modification</translation>
    </message>
    <message>
        <source>Forget this change and take the server&apos;s record.</source>
        <translation>Oublier cette modification et prendre l&apos;enregistrement du serveur.</translation>
    </message>
    <message>
        <source>Send this store&apos;s version to the server, over the server&apos;s.</source>
        <translation>Envoyer la version de cette base de données au serveur, par-dessus la sienne.</translation>
    </message>
    <message>
        <source>Take the server&apos;s version here and drop this store&apos;s change.</source>
        <translation>Prendre ici la version du serveur et abandonner la modification de cette base de données.</translation>
    </message>
</context>
<context>
    <name>centrale::ContactDialog</name>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>Add phone number</source>
        <translation>Ajouter numéro de téléphone</translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation>Supprimer le numéro</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone numbers (entered as you would dial them; stored in the +32 format)</source>
        <translation>Numéros de téléphone (saisis comme vous les composez&#xa0;; enregistrés au format +32)</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Créer un nouveau contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
</context>
<context>
    <name>centrale::ContactsModel</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Numéros de téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Défini pour</translation>
    </message>
</context>
<context>
    <name>centrale::ContactsPage</name>
    <message>
        <source>Delete contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <source>Delete the contact %1? Users will no longer see it.</source>
        <translation>Supprimer le contact %1&#xa0;? Les utilisateurs ne le verront plus.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Listes de contacts</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <source>Configure for all users in the organisation</source>
        <translation>Configurer pour tous les utilisateurs dans l&apos;organisation</translation>
    </message>
    <message>
        <source>A user group</source>
        <translation>Un groupe d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Un utilisateur</translation>
    </message>
    <message>
        <source>Search a user: username or name</source>
        <translation>Rechercher un utilisateur&#xa0;: nom d&apos;utilisateur ou nom</translation>
    </message>
    <message>
        <source>Show what this user sees</source>
        <translation>Afficher ce que voit cet utilisateur</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Créer un nouveau contact</translation>
    </message>
    <message>
        <source>Create a contact at the chosen level (%1)</source>
        <translation>Créer un contact au niveau choisi (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Change the selected contact&apos;s names, email and phone numbers</source>
        <translation>Modifier les noms, l&apos;e-mail et les numéros de téléphone du contact sélectionné</translation>
    </message>
    <message>
        <source>Delete the selected contact (%1)</source>
        <translation>Supprimer le contact sélectionné (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::CopyCalendarDialog</name>
    <message>
        <source>Copy calendar</source>
        <translation>Copier le calendrier</translation>
    </message>
    <message>
        <source>Copy the events of %1 to these function numbers. The events are added after their own events.</source>
        <extracomment>%1 is a function number&apos;s name</extracomment>
        <translation>Copier les événements de %1 vers ces numéros de fonction. Les événements sont ajoutés après leurs propres événements.</translation>
    </message>
    <message>
        <source>Function numbers to copy to</source>
        <translation>Numéros de fonction de destination</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
</context>
<context>
    <name>centrale::CsvActions</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>users.csv</source>
        <translation>utilisateurs.csv</translation>
    </message>
    <message>
        <source>contacts.csv</source>
        <translation>contacts.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Import users…</source>
        <translation>Importer des utilisateurs…</translation>
    </message>
    <message>
        <source>Create or update users from a CSV file; you see what would change before anything is written</source>
        <translation>Créer ou mettre à jour des utilisateurs depuis un fichier CSV&#xa0;; vous voyez ce qui changerait avant que rien ne soit écrit</translation>
    </message>
    <message>
        <source>Export users…</source>
        <translation>Exporter les utilisateurs…</translation>
    </message>
    <message>
        <source>Write every user to a CSV file that Excel and LibreOffice open</source>
        <translation>Écrire tous les utilisateurs dans un fichier CSV qu’Excel et LibreOffice ouvrent</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <source>Create or update contacts from a CSV file; you see what would change before anything is written</source>
        <translation>Créer ou mettre à jour des contacts depuis un fichier CSV&#xa0;; vous voyez ce qui changerait avant que rien ne soit écrit</translation>
    </message>
    <message>
        <source>Export contacts…</source>
        <translation>Exporter les contacts…</translation>
    </message>
    <message>
        <source>Write every contact to a CSV file that Excel and LibreOffice open</source>
        <translation>Écrire tous les contacts dans un fichier CSV qu’Excel et LibreOffice ouvrent</translation>
    </message>
</context>
<context>
    <name>centrale::CsvImportDialog</name>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Skip the rejected rows and import the others</source>
        <translation>Ignorer les lignes refusées et importer les autres</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Importer des utilisateurs</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Columns not understood, ignored: %1</source>
        <translation>Colonnes non reconnues, ignorées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Correct the rejected rows, or choose to skip them.</source>
        <translation>Corrigez les lignes refusées, ou choisissez de les ignorer.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Importé&#xa0;: %1 créé(s), %2 mis à jour.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>centrale::ElevationDialog</name>
    <message>
        <source>Password needed</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <source>For your organisation&apos;s safety, the administrator view asks for your password again after a few minutes without use, as the portal does. Give the password of %1 to go on syncing.</source>
        <translation>Pour la sécurité de votre organisation, la vue administrateur redemande votre mot de passe après quelques minutes sans utilisation, comme le portail. Donnez le mot de passe de %1 pour poursuivre la synchronisation.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>centrale::EventEditorDialog</name>
    <message>
        <source>Calendar event</source>
        <translation>Événement du calendrier</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <source>Voice &amp;prompt:</source>
        <translation>&amp;Invite vocale&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>&amp;Début&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Fin&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répétition&#xa0;:</translation>
    </message>
    <message>
        <source>On &amp;days:</source>
        <translation>&amp;Jours&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>Rè&amp;gle&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat u&amp;ntil:</source>
        <translation>Répéter &amp;jusqu&apos;à&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;xceptions:</source>
        <translation>E&amp;xceptions&#xa0;:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Invite vocale</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>Jours de la semaine</translation>
    </message>
    <message>
        <source>Repeat rule</source>
        <translation>Règle de répétition</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Répéter jusqu&apos;à</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>None</source>
        <extracomment>No voice prompt: the function number&apos;s usual prompt plays</extracomment>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>&amp;Toute la journée</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Toutes les semaines</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Tous les mois</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Tous les ans</translation>
    </message>
    <message>
        <source>Custom rule (iCalendar RRULE)</source>
        <translation>Règle personnalisée (RRULE iCalendar)</translation>
    </message>
    <message>
        <source>Forever</source>
        <extracomment>How a repeating event ends</extracomment>
        <translation>Sans fin</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Jusqu&apos;à une date</translation>
    </message>
    <message>
        <source>A number of times</source>
        <translation>Un nombre de fois</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Dernière date</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Nombre de fois</translation>
    </message>
    <message>
        <source> times</source>
        <translation> fois</translation>
    </message>
    <message>
        <source>Exception date</source>
        <translation>Date d&apos;exception</translation>
    </message>
    <message>
        <source>A&amp;dd date</source>
        <translation>A&amp;jouter la date</translation>
    </message>
    <message>
        <source>Re&amp;move date</source>
        <translation>Retirer &amp;la date</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>centrale::FunctionsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>État par défaut</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>The state a function number&apos;s schedule gives now: open or closed</extracomment>
        <translation>Maintenant</translation>
    </message>
</context>
<context>
    <name>centrale::GroupDialog</name>
    <message>
        <source>New user group</source>
        <translation>Nouveau groupe d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Edit user group</source>
        <translation>Modifier le groupe d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Paramètres du groupe</translation>
    </message>
    <message>
        <source>Inherited</source>
        <extracomment>A setting not set on the group: the organisation&apos;s value applies.</extracomment>
        <translation>Hérité</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Check box of a yes/no service setting.</extracomment>
        <translation>Activé</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>centrale::GroupsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Paramètres du groupe</translation>
    </message>
</context>
<context>
    <name>centrale::GroupsPage</name>
    <message>
        <source>Delete user group</source>
        <translation>Supprimer le groupe d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Remove the members from this group and delete it?</source>
        <translation>Retirer les membres de ce groupe et le supprimer&#xa0;?</translation>
    </message>
    <message>
        <source>Remove the members and delete</source>
        <translation>Retirer les membres et supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Groupes d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>Create a user group (%1)</source>
        <translation>Créer un groupe d&apos;utilisateurs (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Rename the selected group, change its description and its settings</source>
        <translation>Renommer le groupe sélectionné, modifier sa description et ses paramètres</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected group (%1)</source>
        <translation>Supprimer le groupe sélectionné (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::HolidaysDialog</name>
    <message numerus="yes">
        <source>%n closed all-day event(s) will be added at the top of the calendar (highest priority).</source>
        <translation>
            <numerusform>%n événement fermé d&apos;une journée entière sera ajouté en tête du calendrier (priorité la plus haute).</numerusform>
            <numerusform>%n événements fermés d&apos;une journée entière seront ajoutés en tête du calendrier (priorité la plus haute).</numerusform>
        </translation>
    </message>
    <message>
        <source>Belgian holidays</source>
        <translation>Jours fériés belges</translation>
    </message>
    <message>
        <source>&amp;From year:</source>
        <translation>&amp;De l&apos;année&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To year:</source>
        <translation>&amp;À l&apos;année&#xa0;:</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>De l&apos;année</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>À l&apos;année</translation>
    </message>
    <message>
        <source>Also the &amp;communities&apos; holidays (11 July, 27 September, 15 November)</source>
        <translation>Aussi les jours fériés des &amp;communautés (11 juillet, 27 septembre, 15 novembre)</translation>
    </message>
    <message>
        <source>&amp;Add holidays</source>
        <translation>&amp;Ajouter les jours fériés</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>centrale::ImportIcsDialog</name>
    <message>
        <source>%1 cannot be imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 ne peut pas être importé&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be added after this calendar&apos;s own events:</source>
        <translation>
            <numerusform>%n événement sera ajouté après les événements de ce calendrier&#xa0;:</numerusform>
            <numerusform>%n événements seront ajoutés après les événements de ce calendrier&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An event to import: %1 is its title, %2 when it happens
----------
A skipped calendar item: %1 is its title, %2 the reason it is skipped</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be skipped:</source>
        <translation>
            <numerusform>%n élément sera ignoré&#xa0;:</numerusform>
            <numerusform>%n éléments seront ignorés&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <extracomment>%1 is the .ics file&apos;s name</extracomment>
        <translation>Importer %1</translation>
    </message>
    <message>
        <source>As in the file</source>
        <extracomment>The imported events keep the state (open or closed) the file gives them
----------
The imported events keep the voice prompt the file names</extracomment>
        <translation>Comme dans le fichier</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>&amp;State of the imported events:</source>
        <translation>É&amp;tat des événements importés&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Voice prompt:</source>
        <translation>&amp;Invite vocale&#xa0;:</translation>
    </message>
    <message>
        <source>State of the imported events</source>
        <translation>État des événements importés</translation>
    </message>
    <message>
        <source>Voice prompt of the imported events</source>
        <translation>Invite vocale des événements importés</translation>
    </message>
    <message>
        <source>Events to import</source>
        <translation>Événements à importer</translation>
    </message>
    <message>
        <source>Skipped items</source>
        <translation>Éléments ignorés</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The calendar is empty, so the file&apos;s default state (%1) will be applied too.</source>
        <extracomment>%1 is Open or Closed</extracomment>
        <translation>Le calendrier est vide&#xa0;: l&apos;état par défaut du fichier (%1) sera aussi appliqué.</translation>
    </message>
</context>
<context>
    <name>centrale::KeyDialog</name>
    <message>
        <source>Key %1</source>
        <translation>Touche %1</translation>
    </message>
    <message>
        <source>Program a key</source>
        <translation>Programmer une touche</translation>
    </message>
    <message>
        <source>Inherit from the key template</source>
        <translation>Hériter du modèle de touches</translation>
    </message>
    <message>
        <source>Choose a colleague with the magnifier</source>
        <translation>Choisissez un collègue avec la loupe</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Find a colleague by name, number or username</source>
        <translation>Rechercher un collègue par nom, numéro ou nom d’utilisateur</translation>
    </message>
    <message>
        <source>The colleague&apos;s name</source>
        <translation>Le nom du collègue</translation>
    </message>
    <message>
        <source>Colleague:</source>
        <translation>Collègue&#xa0;:</translation>
    </message>
    <message>
        <source>Label on the phone:</source>
        <translation>Libellé sur le téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Shown on the phone&apos;s screen</source>
        <translation>Affiché sur l’écran du téléphone</translation>
    </message>
    <message>
        <source>+32 2 345 67 89</source>
        <translation>+32 2 345 67 89</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Nom affiché&#xa0;:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Numéro&#xa0;:</translation>
    </message>
    <message>
        <source>The key shows what the key template of the user&apos;s groups programs on it, if any.</source>
        <translation>La touche affiche ce que le modèle de touches des groupes de l’utilisateur y programme, le cas échéant.</translation>
    </message>
    <message>
        <source>Nothing on this key, even where a key template programs it.</source>
        <translation>Rien sur cette touche, même si un modèle de touches la programme.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Touche&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <source>Type the number as people dial it, e.g. 02 345 67 89 or +32 475 12 34 56.</source>
        <translation>Tapez le numéro comme on le compose, par ex. 02 345 67 89 ou +32 475 12 34 56.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous la forme %1</translation>
    </message>
</context>
<context>
    <name>centrale::KeyTemplatesDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Add key…</source>
        <translation>&amp;Ajouter une touche…</translation>
    </message>
    <message>
        <source>&amp;Program key…</source>
        <translation>&amp;Programmer la touche…</translation>
    </message>
    <message>
        <source>Re&amp;move key</source>
        <translation>Re&amp;tirer la touche</translation>
    </message>
    <message>
        <source>Key templates</source>
        <translation>Modèles de touches</translation>
    </message>
    <message>
        <source>Groups the template is attached to</source>
        <translation>Groupes auxquels le modèle est associé</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Attached to the groups</source>
        <translation>Associé aux groupes</translation>
    </message>
    <message>
        <source>Members of a ticked group find these keys on their phones. A group has at most one template: ticking it here takes it from its other template.</source>
        <translation>Les membres d’un groupe coché trouvent ces touches sur leurs téléphones. Un groupe a au plus un modèle&#xa0;: le cocher ici le retire de son autre modèle.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>New template %1</source>
        <translation>Nouveau modèle %1</translation>
    </message>
    <message>
        <source>Delete key template</source>
        <translation>Supprimer le modèle de touches</translation>
    </message>
    <message>
        <source>Delete the key template %1?</source>
        <translation>Supprimer le modèle de touches %1&#xa0;?</translation>
    </message>
    <message>
        <source>Delete the key template %1? The phones of its groups&apos; members lose its keys.</source>
        <translation>Supprimer le modèle de touches %1&#xa0;? Les téléphones des membres de ses groupes perdent ses touches.</translation>
    </message>
</context>
<context>
    <name>centrale::LoginDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>Log in as an administrator of your organisation. This store then sends its changes to the server and receives the changes made elsewhere.</source>
        <translation>Connectez-vous en tant qu&apos;administrateur de votre organisation. Cette base de données envoie alors ses modifications au serveur et reçoit celles faites ailleurs.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>nom@domaine ou +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Nom d&apos;utilisateur ou numéro de mobile</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Mot de passe oublié&#xa0;?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, your username and your password.</source>
        <translation>Donnez l&apos;adresse du serveur, votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>centrale::MainWindow</name>
    <message>
        <source>About Centrale</source>
        <translation>À propos de Centrale</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Administration of hosted business telephony: contact lists, voice prompts, calendars, user groups, users and SIP phones, with offline editing.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Administration de la téléphonie d&apos;entreprise hébergée&#xa0;: listes de contacts, invites vocales, calendriers, groupes d&apos;utilisateurs, utilisateurs et téléphones SIP, avec modification hors ligne.&lt;/p&gt;&lt;p&gt;Distribué sous la licence Apache 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Centrale</source>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>Centrale — %1</source>
        <translation>Centrale — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Centrale</source>
        <translation>À &amp;propos de Centrale</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Function numbers</source>
        <translation>Numéros de fonction</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>Administration utilisateur</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Listes de contacts</translation>
    </message>
    <message>
        <source>Voice prompts</source>
        <translation>Invites vocales</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>Calendriers</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Groupes d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>Téléphones SIP</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Contacts can be defined for the whole organisation, a user group or a user. A user inherits the contacts of the organisation and of every group it belongs to.</source>
        <translation>Les contacts peuvent être définis pour toute l&apos;organisation, un groupe d&apos;utilisateurs ou un utilisateur. Un utilisateur hérite des contacts de l&apos;organisation et de tous les groupes dont il fait partie.</translation>
    </message>
    <message>
        <source>Prompts are stored as A-law, 8 kHz, mono. The description should be the exact text of the prompt.</source>
        <translation>Les invites vocales sont stockées au format A-law, 8 kHz, mono. La description doit reprendre le texte exact de l&apos;invite.</translation>
    </message>
    <message>
        <source>Each function number&apos;s schedule is a list of events in order of priority: the first event that applies wins. By default a function number is closed.</source>
        <translation>Le calendrier de chaque numéro de fonction est une liste d&apos;événements classés par ordre de priorité&#xa0;: le premier événement applicable l&apos;emporte. Par défaut, un numéro de fonction est fermé.</translation>
    </message>
    <message>
        <source>Users of a group share its service settings. Select a group to list its users.</source>
        <translation>Les utilisateurs d&apos;un groupe partagent ses paramètres de services. Sélectionnez un groupe pour répertorier ses utilisateurs.</translation>
    </message>
    <message>
        <source>Users of the group</source>
        <translation>Utilisateurs du groupe</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Base de données locale&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule of the selected function number</source>
        <translation>Horaire du numéro de fonction sélectionné</translation>
    </message>
    <message>
        <source>Select a phone to program its keys; select several for changes on all of them. &quot;Save and reload&quot; sends the phones their new settings.</source>
        <translation>Sélectionnez un téléphone pour programmer ses touches&#xa0;; sélectionnez-en plusieurs pour les modifier tous à la fois. «&#xa0;Enregistrer et recharger&#xa0;» envoie aux téléphones leurs nouveaux réglages.</translation>
    </message>
    <message>
        <source>Keys of the selected phone</source>
        <translation>Touches du téléphone sélectionné</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Disconnect this store from %1? Its changes stay here and are sent when you connect again.</source>
        <translation>Déconnecter cette base de données de %1&#xa0;? Ses modifications restent ici et seront envoyées lors de la prochaine connexion.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>Se &amp;connecter à un serveur…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>C&amp;onflicts…</source>
        <translation>C&amp;onflits…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
</context>
<context>
    <name>centrale::NewPromptDialog</name>
    <message>
        <source>Import a voice prompt</source>
        <translation>Importer une invite vocale</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The recording stopped after the longest duration a prompt may have.</source>
        <translation>L&apos;enregistrement s&apos;est arrêté à la durée maximale d&apos;une invite vocale.</translation>
    </message>
    <message>
        <source>A voice prompt named %1 already exists. Choose another name.</source>
        <translation>Une invite vocale nommée %1 existe déjà. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Recording by call needs the connection to the telephony server. Import a file or record locally.</source>
        <translation>L&apos;enregistrement par appel nécessite la connexion au serveur de téléphonie. Importez un fichier ou enregistrez localement.</translation>
    </message>
    <message>
        <source>Choose the audio file to import, or drop it on this window.</source>
        <translation>Choisissez le fichier audio à importer, ou déposez-le sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Record the prompt first: press Record, speak, then press Stop.</source>
        <translation>Enregistrez d&apos;abord l&apos;invite&#xa0;: cliquez sur Enregistrer, parlez, puis cliquez sur Arrêter.</translation>
    </message>
    <message>
        <source>The conversion was cancelled; nothing was stored.</source>
        <translation>La conversion a été annulée&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>Nouvelle invite vocale</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>A good practice is to write the exact text of the prompt.</source>
        <translation>Une bonne pratique est d&apos;y écrire le texte exact de l&apos;invite vocale.</translation>
    </message>
    <message>
        <source>The exact text of the prompt</source>
        <translation>Le texte exact de l&apos;invite vocale</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>&amp;Import a file</source>
        <translation>&amp;Importer un fichier</translation>
    </message>
    <message>
        <source>Audio file to import</source>
        <translation>Fichier audio à importer</translation>
    </message>
    <message>
        <source>WAV, AIFF, FLAC, Ogg… at any rate</source>
        <translation>WAV, AIFF, FLAC, Ogg… à toute fréquence</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>You can also drop an audio file on this window.</source>
        <translation>Vous pouvez aussi déposer un fichier audio sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Record &amp;locally</source>
        <translation>Enregistrer &amp;localement</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microphone&#xa0;:</translation>
    </message>
    <message>
        <source>Audio input</source>
        <translation>Entrée audio</translation>
    </message>
    <message>
        <source>Recording level</source>
        <translation>Niveau d&apos;enregistrement</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Durée enregistrée</translation>
    </message>
    <message>
        <source>No audio input device was found (no microphone, sound card or sound server): local recording is not available. Import a file instead.</source>
        <translation>Aucun périphérique d&apos;entrée audio n&apos;a été trouvé (ni micro, ni carte son, ni serveur de son)&#xa0;: l&apos;enregistrement local n&apos;est pas disponible. Importez plutôt un fichier.</translation>
    </message>
    <message>
        <source>Record by &amp;call</source>
        <translation>Enregistrer par &amp;appel</translation>
    </message>
    <message>
        <source>User to call</source>
        <translation>Utilisateur à appeler</translation>
    </message>
    <message>
        <source>Converting the audio</source>
        <translation>Conversion de l&apos;audio</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>Conversion…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Normalise loudness to −16 L&amp;UFS</source>
        <translation>Normaliser le vol&amp;ume à −16 LUFS</translation>
    </message>
    <message>
        <source>R&amp;etake</source>
        <translation>Re&amp;commencer</translation>
    </message>
    <message>
        <source>Cancel con&amp;version</source>
        <translation>Annuler la conversi&amp;on</translation>
    </message>
    <message>
        <source>The call is in progress. Hang up the phone to end it; the window then shows what was recorded.</source>
        <translation>L’appel est en cours. Raccrochez le téléphone pour le terminer&#xa0;; la fenêtre montre ensuite ce qui a été enregistré.</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <source>Recording (%1 s)</source>
        <translation>Enregistrement (%1&#xa0;s)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Saved, fetching the recording…</source>
        <translation>Enregistré, récupération de l’enregistrement…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Choisissez l’utilisateur dont le téléphone sera appelé.</translation>
    </message>
    <message>
        <source>The call failed (%1).</source>
        <translation>L’appel a échoué (%1).</translation>
    </message>
    <message>
        <source>The recording is saved on the server but could not be fetched yet (%1). It arrives with the next sync.</source>
        <translation>L’enregistrement est sauvegardé sur le serveur mais n’a pas encore pu être récupéré (%1). Il arrivera avec la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called</source>
        <translation>Choisissez l’utilisateur dont le téléphone sera appelé</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Not available: recording by call needs the connection to the telephony server (Server › Connect to a server…). The server calls the chosen user, who speaks the prompt into the phone.</source>
        <translation>Indisponible&#xa0;: l’enregistrement par appel nécessite la connexion au serveur de téléphonie (Serveur › Se connecter à un serveur…). Le serveur appelle l’utilisateur choisi, qui dit l’invite vocale dans le téléphone.</translation>
    </message>
    <message>
        <source>Call the &amp;phone</source>
        <translation>Appeler le po&amp;ste</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>&amp;Rappeler</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Générer un mot de passe</translation>
    </message>
    <message>
        <source>Choose the password</source>
        <translation>Choisir le mot de passe</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Generated password</source>
        <translation>Mot de passe généré</translation>
    </message>
    <message>
        <source>Generate another</source>
        <translation>En générer un autre</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>The password of %1 is used for the web portal and the PC application. Centrale keeps only a protected form of it, sent to the server at the next synchronisation: note the password now to give it to the user.</source>
        <translation>Le mot de passe de %1 sert pour le portail web et l’application PC. Centrale n’en garde qu’une forme protégée, envoyée au serveur à la prochaine synchronisation&#xa0;: notez le mot de passe maintenant pour le communiquer à l’utilisateur.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>At least 10 characters, with a letter and a digit.</source>
        <translation>Au moins 10 caractères, dont une lettre et un chiffre.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordResetDialog</name>
    <message>
        <source>Send a code</source>
        <translation>Envoyer un code</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <source>Forgot password</source>
        <translation>Mot de passe oublié</translation>
    </message>
    <message>
        <source>Give your username or registered mobile number: a code to choose a new password is sent to you by email or SMS.</source>
        <translation>Donnez votre nom d&apos;utilisateur ou votre numéro de mobile enregistré&#xa0;: un code pour choisir un nouveau mot de passe vous est envoyé par e-mail ou par SMS.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>nom@domaine ou +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Nom d&apos;utilisateur ou numéro de mobile</translation>
    </message>
    <message>
        <source>Code received</source>
        <translation>Code reçu</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nouveau mot de passe, à nouveau</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Username or mobile:</source>
        <translation>Nom d&apos;&amp;utilisateur ou mobile&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>À &amp;nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>Give your username or mobile number.</source>
        <translation>Donnez votre nom d&apos;utilisateur ou votre numéro de mobile.</translation>
    </message>
    <message>
        <source>Give the code you received and a new password.</source>
        <translation>Donnez le code reçu et un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneDetail</name>
    <message>
        <source>SIP phones</source>
        <translation>Téléphones SIP</translation>
    </message>
    <message>
        <source>No phone selected</source>
        <translation>Aucun téléphone sélectionné</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 model, %2 MAC address, %3 the user&apos;s name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>Keys in grey italics come from the key template of the user&apos;s group. Program a key to replace it on this phone only; &quot;Inherit&quot; brings the template&apos;s key back.</source>
        <translation>Les touches en italique gris viennent du modèle de touches du groupe de l’utilisateur. Programmez une touche pour la remplacer sur ce téléphone seulement&#xa0;; «&#xa0;Hériter&#xa0;» rétablit la touche du modèle.</translation>
    </message>
    <message>
        <source>Program key…</source>
        <translation>Programmer la touche…</translation>
    </message>
    <message>
        <source>Choose what the selected key does</source>
        <translation>Choisir ce que fait la touche sélectionnée</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>Hériter</translation>
    </message>
    <message>
        <source>Remove this phone&apos;s own key: the key template&apos;s key applies again</source>
        <translation>Retirer la touche propre à ce téléphone&#xa0;: la touche du modèle s’applique à nouveau</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneKeysModel</name>
    <message>
        <source>Not programmed</source>
        <translation>Non programmée</translation>
    </message>
    <message>
        <source>This phone (replaces template %1)</source>
        <extracomment>%1 the name of the key template whose key this phone&apos;s own key replaces</extracomment>
        <translation>Ce téléphone (remplace le modèle %1)</translation>
    </message>
    <message>
        <source>This phone</source>
        <translation>Ce téléphone</translation>
    </message>
    <message>
        <source>Inherited from template %1</source>
        <extracomment>%1 e.g. &quot;Sales keys (group Sales)&quot;</extracomment>
        <translation>Héritée du modèle %1</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(utilisateur supprimé)</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>column of a phone&apos;s keys: the key&apos;s number</extracomment>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label on the phone</source>
        <extracomment>column of a phone&apos;s keys: the text the phone shows next to the key</extracomment>
        <translation>Libellé sur le téléphone</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appelle</translation>
    </message>
    <message>
        <source>Comes from</source>
        <extracomment>column of a phone&apos;s keys: where the key comes from</extracomment>
        <translation>Provenance</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloadQueue</name>
    <message>
        <source>reloaded</source>
        <translation>rechargé</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>changements en attente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Cancelled before the phone was asked; its changes wait.</source>
        <translation>Annulé avant que le téléphone ne soit contacté ; ses changements sont en attente.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloader</name>
    <message>
        <source>This version of Centrale cannot send SIP requests; the change stays queued for the phone.</source>
        <translation>Cette version de Centrale ne peut pas envoyer de requêtes SIP ; le changement reste en attente pour le téléphone.</translation>
    </message>
</context>
<context>
    <name>centrale::PhonesModel</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <extracomment>The phone has not received its latest settings yet</extracomment>
        <translation>Changements en attente</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
</context>
<context>
    <name>centrale::PhonesPage</name>
    <message>
        <source>Save and reload</source>
        <extracomment>The portal&apos;s button: saves the keys and has the phone reload its settings</extracomment>
        <translation>Enregistrer et recharger</translation>
    </message>
    <message numerus="yes">
        <source>Sending the settings to %n phone(s)…</source>
        <translation>
            <numerusform>Envoi des réglages à %n téléphone…</numerusform>
            <numerusform>Envoi des réglages à %n téléphones…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Phone %1 of %2: sending the settings…</source>
        <extracomment>progress of &quot;Save and reload&quot;: %1 phones done out of %2</extracomment>
        <translation>Téléphone %1 sur %2&#xa0;: envoi des réglages…</translation>
    </message>
    <message numerus="yes">
        <source>Program a key on %n phone(s)</source>
        <translation>
            <numerusform>Programmer une touche sur %n téléphone</numerusform>
            <numerusform>Programmer une touche sur %n téléphones</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no key template yet: create one with &quot;Key templates…&quot;.</source>
        <translation>Il n’y a pas encore de modèle de touches&#xa0;: créez-en un avec «&#xa0;Modèles de touches…&#xa0;».</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys</source>
        <translation>Copier les touches d’un modèle</translation>
    </message>
    <message numerus="yes">
        <source>Program the keys of this template on the %n selected phone(s), as their own keys:</source>
        <translation>
            <numerusform>Programmer les touches de ce modèle sur le téléphone sélectionné (%n), comme ses propres touches&#xa0;:</numerusform>
            <numerusform>Programmer les touches de ce modèle sur les %n téléphones sélectionnés, comme leurs propres touches&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the keys</source>
        <translation>Copier les touches</translation>
    </message>
    <message>
        <source>Provisioning file %1</source>
        <extracomment>%1 the file&apos;s name, e.g. 000413AABBCC.xml</extracomment>
        <translation>Fichier de provisionnement %1</translation>
    </message>
    <message>
        <source>What %1 (%2) receives when it reloads its settings, in %3&apos;s format.</source>
        <translation>Ce que %1 (%2) reçoit lorsqu’il recharge ses réglages, au format %3.</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>Téléphones SIP</translation>
    </message>
    <message>
        <source>Send the selected phones their settings and ask them to reload</source>
        <translation>Envoyer leurs réglages aux téléphones sélectionnés et leur demander de les recharger</translation>
    </message>
    <message>
        <source>Program a key…</source>
        <translation>Programmer une touche…</translation>
    </message>
    <message>
        <source>Program one key on every selected phone</source>
        <translation>Programmer une touche sur chaque téléphone sélectionné</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys…</source>
        <translation>Copier les touches d’un modèle…</translation>
    </message>
    <message>
        <source>Program a key template&apos;s keys on every selected phone</source>
        <translation>Programmer les touches d’un modèle sur chaque téléphone sélectionné</translation>
    </message>
    <message>
        <source>Key templates…</source>
        <translation>Modèles de touches…</translation>
    </message>
    <message>
        <source>Sets of keys that the phones of a user group&apos;s members inherit</source>
        <translation>Ensembles de touches dont héritent les téléphones des membres d’un groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>Show provisioning file…</source>
        <translation>Afficher le fichier de provisionnement…</translation>
    </message>
    <message>
        <source>The selected phone&apos;s settings file, as the phone receives it</source>
        <translation>Le fichier de réglages du téléphone sélectionné, tel que le téléphone le reçoit</translation>
    </message>
</context>
<context>
    <name>centrale::PinDialog</name>
    <message>
        <source>Reset PIN</source>
        <translation>Réinitialiser le code PIN</translation>
    </message>
    <message>
        <source>The PIN is used on DECT phones and for free seating: 4 to 8 digits.</source>
        <translation>Le code PIN sert pour les téléphones DECT et la fonction «&#xa0;place libre&#xa0;»&#xa0;: 4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>Generate a PIN</source>
        <translation>Générer un code PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Répétez le code PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN diffèrent.</translation>
    </message>
</context>
<context>
    <name>centrale::PromptDetail</name>
    <message>
        <source>Select a voice prompt to see its waveform.</source>
        <translation>Sélectionnez une invite vocale pour voir sa forme d&apos;onde.</translation>
    </message>
    <message>
        <source>Waveform of %1</source>
        <translation>Forme d&apos;onde de %1</translation>
    </message>
    <message>
        <source>This voice prompt has no audio yet: import or record it.</source>
        <translation>Cette invite vocale n&apos;a pas encore d&apos;audio&#xa0;: importez-la ou enregistrez-la.</translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation>Durée&#xa0;: %1 s</translation>
    </message>
    <message>
        <source>Levels: peak %1 dBFS, RMS %2 dBFS</source>
        <translation>Niveaux&#xa0;: crête %1 dBFS, RMS %2 dBFS</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Origine&#xa0;: %1</translation>
    </message>
    <message>
        <source>Source file: %1</source>
        <translation>Fichier source&#xa0;: %1</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Texte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not used by any calendar event.</source>
        <translation>Utilisée par aucun événement de calendrier.</translation>
    </message>
    <message>
        <source>Used by these calendar events:</source>
        <translation>Utilisée par ces événements de calendrier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Écouter</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>Aucun périphérique de sortie audio n&apos;a été trouvé (ni carte son, ni serveur de son)&#xa0;: l&apos;invite vocale ne peut pas être écoutée ici.</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Invite vocale</translation>
    </message>
    <message>
        <source>Play or stop the voice prompt</source>
        <translation>Écouter ou arrêter l&apos;invite vocale</translation>
    </message>
    <message>
        <source>Where the voice prompt is used</source>
        <translation>Où l&apos;invite vocale est utilisée</translation>
    </message>
</context>
<context>
    <name>centrale::PromptsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisée par</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Duration of a voice prompt in seconds</extracomment>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>centrale::PromptsPage</name>
    <message>
        <source>Delete voice prompt</source>
        <translation>Supprimer une invite vocale</translation>
    </message>
    <message>
        <source>The voice prompt was deleted.</source>
        <translation>L&apos;invite vocale a été supprimée.</translation>
    </message>
    <message>
        <source>Delete the voice prompt %1? This cannot be undone.</source>
        <translation>Supprimer l&apos;invite vocale %1&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <source>Export voice prompt</source>
        <translation>Exporter l&apos;invite vocale</translation>
    </message>
    <message>
        <source>WAV files (*.wav)</source>
        <translation>Fichiers WAV (*.wav)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>Nouvelle invite vocale</translation>
    </message>
    <message>
        <source>New voice prompt: import a file or record it (%1)</source>
        <translation>Nouvelle invite vocale&#xa0;: importer un fichier ou l&apos;enregistrer (%1)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected voice prompt (%1)</source>
        <translation>Supprimer l&apos;invite vocale sélectionnée (%1)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the selected voice prompt as a WAV file (A-law, 8 kHz, mono)</source>
        <translation>Enregistrer l&apos;invite vocale sélectionnée dans un fichier WAV (A-law, 8 kHz, mono)</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>Aucun périphérique de sortie audio n&apos;a été trouvé (ni carte son, ni serveur de son)&#xa0;: l&apos;invite vocale ne peut pas être écoutée ici.</translation>
    </message>
    <message>
        <source>Play the selected voice prompt</source>
        <translation>Écouter l&apos;invite vocale sélectionnée</translation>
    </message>
</context>
<context>
    <name>centrale::ReloadResultsDialog</name>
    <message>
        <source>Save and reload</source>
        <translation>Enregistrer et recharger</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) reloaded their settings.</source>
        <translation>
            <numerusform>%n téléphone a rechargé ses réglages.</numerusform>
            <numerusform>%n téléphones ont rechargé leurs réglages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) did not: their changes stay waiting and are sent at the next reload.</source>
        <translation>
            <numerusform>%n téléphone ne l’a pas fait&#xa0;: ses changements restent en attente et seront envoyés au prochain rechargement.</numerusform>
            <numerusform>%n téléphones ne l’ont pas fait&#xa0;: leurs changements restent en attente et seront envoyés au prochain rechargement.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::ScheduleEventsModel</name>
    <message>
        <source>This event never takes effect: events above it always cover it.</source>
        <translation>Cet événement ne s&apos;applique jamais&#xa0;: les événements au-dessus le couvrent toujours.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Invite vocale</translation>
    </message>
</context>
<context>
    <name>centrale::SipNotifier</name>
    <message>
        <source>The phone has no network address: enter its IP address or host name.</source>
        <translation>Le téléphone n&apos;a pas d&apos;adresse réseau : saisissez son adresse IP ou son nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>The phone at %1 has no valid SIP port (0).</source>
        <translation>Le téléphone à l&apos;adresse %1 n&apos;a pas de port SIP valide (0).</translation>
    </message>
    <message>
        <source>The SIP library could not be started.</source>
        <translation>La bibliothèque SIP n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 could not be found: check the host name.</source>
        <translation>L&apos;adresse du téléphone %1 est introuvable : vérifiez le nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>Could not open a network socket to reach the phone: %1</source>
        <translation>Impossible d&apos;ouvrir une connexion réseau vers le téléphone : %1</translation>
    </message>
    <message>
        <source>Could not build the request for the phone at %1.</source>
        <translation>Impossible de préparer la requête pour le téléphone à l&apos;adresse %1.</translation>
    </message>
    <message>
        <source>The phone reloaded its configuration.</source>
        <translation>Le téléphone a rechargé sa configuration.</translation>
    </message>
    <message>
        <source>The phone refused: %1.</source>
        <translation>Le téléphone a refusé : %1.</translation>
    </message>
    <message>
        <source>The phone asks for a SIP user name and password (%1), and none is set for it.</source>
        <translation>Le téléphone demande un nom d&apos;utilisateur et un mot de passe SIP (%1), et aucun n&apos;est défini pour lui.</translation>
    </message>
    <message>
        <source>The phone refused the SIP user name and password (%1).</source>
        <translation>Le téléphone a refusé le nom d&apos;utilisateur et le mot de passe SIP (%1).</translation>
    </message>
    <message>
        <source>The phone asks for a kind of authentication that Centrale cannot answer (%1).</source>
        <translation>Le téléphone demande un type d&apos;authentification auquel Centrale ne sait pas répondre (%1).</translation>
    </message>
    <message>
        <source>Could not send the request to the phone at %1.</source>
        <translation>Impossible d&apos;envoyer la requête au téléphone à l&apos;adresse %1.</translation>
    </message>
    <message>
        <source>No answer from the phone at %1.</source>
        <translation>Pas de réponse du téléphone à l&apos;adresse %1.</translation>
    </message>
</context>
<context>
    <name>centrale::SyncController</name>
    <message>
        <source>The server is busy with this store: try again in a moment.</source>
        <translation>Le serveur est occupé avec cette base de données&#xa0;: réessayez dans un instant.</translation>
    </message>
    <message>
        <source>If this account exists, a code has been sent to its email address or mobile phone. Enter it below with a new password.</source>
        <translation>Si ce compte existe, un code a été envoyé à son adresse e-mail ou à son mobile. Saisissez-le ci-dessous avec un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Your password has been changed. You can now log in with it.</source>
        <translation>Votre mot de passe a été changé. Vous pouvez maintenant vous connecter avec celui-ci.</translation>
    </message>
    <message>
        <source>A sync is running: try again when it has finished.</source>
        <translation>Une synchronisation est en cours&#xa0;: réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Il n&apos;y a pas de session pour %1 sur %2&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>Centrale is not connected to a server: use Server › Connect to a server…</source>
        <translation>Centrale n’est pas connecté à un serveur&#xa0;: utilisez Serveur › Se connecter à un serveur…</translation>
    </message>
    <message>
        <source>The server did not take the new prompt, so it cannot record it yet. See Server › Conflicts…</source>
        <translation>Le serveur n’a pas accepté la nouvelle invite vocale&#xa0;; il ne peut donc pas encore l’enregistrer. Voyez Serveur › Conflits…</translation>
    </message>
</context>
<context>
    <name>centrale::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform>
            <numerusform>%n conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>dernière synchronisation %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>○ not connected to a server</source>
        <translation>○ non connecté à un serveur</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● en ligne</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>● offline — next try in %1</source>
        <translation>● hors ligne — prochain essai dans %1</translation>
    </message>
    <message>
        <source>● offline</source>
        <translation>● hors ligne</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the sync after the changes on their way; what was sent or received is kept</source>
        <translation>Arrêter la synchronisation après les modifications en cours d’envoi&#xa0;; ce qui a été envoyé ou reçu est conservé</translation>
    </message>
</context>
<context>
    <name>centrale::TablePanel</name>
    <message>
        <source>Filter…</source>
        <translation>Filtrer…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::UserDetail</name>
    <message>
        <source>Service settings that apply</source>
        <translation>Paramètres de service qui s&apos;appliquent</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Provient de</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Aucun utilisateur sélectionné</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Direct number:</source>
        <translation>Numéro direct&#xa0;:</translation>
    </message>
    <message>
        <source>Mobile number:</source>
        <translation>Numéro mobile&#xa0;:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>User groups:</source>
        <translation>Groupes d&apos;utilisateurs&#xa0;:</translation>
    </message>
    <message>
        <source>Desk phones:</source>
        <translation>Téléphones de bureau&#xa0;:</translation>
    </message>
</context>
<context>
    <name>centrale::UserDialog</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Modifier l’utilisateur</translation>
    </message>
    <message>
        <source>+32 4xx xx xx xx</source>
        <translation>+32 4xx xx xx xx</translation>
    </message>
    <message>
        <source>Load a photo…</source>
        <translation>Charger une photo…</translation>
    </message>
    <message>
        <source>A JPEG, ideally 400×400; any other picture is cropped and scaled to that size.</source>
        <translation>Un JPEG, idéalement de 400×400&#xa0;; toute autre image est recadrée et mise à cette taille.</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Pas de photo</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>Réinitialiser le code PIN…</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Envoyer un message de bienvenue…</translation>
    </message>
    <message>
        <source>List available numbers</source>
        <translation>Répertorier les numéros disponibles</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Numéro mobile</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Numéro direct</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Groupes d’utilisateurs</translation>
    </message>
    <message>
        <source>Tick the groups the user belongs to. The first group in the list decides the settings that the user does not set itself.</source>
        <translation>Cochez les groupes dont l’utilisateur fait partie. Le premier groupe de la liste décide des paramètres que l’utilisateur ne définit pas lui-même.</translation>
    </message>
    <message>
        <source>Desk phones</source>
        <translation>Téléphones de bureau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Edit user — %1</source>
        <translation>Modifier l’utilisateur — %1</translation>
    </message>
    <message>
        <source>No direct number</source>
        <translation>Pas de numéro direct</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No desk phone</source>
        <translation>Aucun téléphone de bureau</translation>
    </message>
    <message>
        <source>The pool has no free number left.</source>
        <translation>Le pool n’a plus de numéro libre.</translation>
    </message>
    <message>
        <source>No mobile number: welcome messages then go by email.</source>
        <translation>Pas de numéro mobile&#xa0;: les messages de bienvenue partent alors par e-mail.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous la forme %1</translation>
    </message>
    <message>
        <source>Load a photo</source>
        <translation>Charger une photo</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>centrale::UserSearchDialog</name>
    <message>
        <source>Find a colleague</source>
        <translation>Rechercher un collègue</translation>
    </message>
    <message>
        <source>Name, number or username</source>
        <translation>Nom, numéro ou nom d’utilisateur</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Numéro direct</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>No user matches.</source>
        <translation>Aucun utilisateur ne correspond.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n users are shown: type more to narrow the search.</source>
        <translation>
            <numerusform>Le premier utilisateur (%n) est affiché&#xa0;: précisez la recherche.</numerusform>
            <numerusform>Les %n premiers utilisateurs sont affichés&#xa0;: précisez la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) found.</source>
        <translation>
            <numerusform>%n utilisateur trouvé.</numerusform>
            <numerusform>%n utilisateurs trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::UsersModel</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Numéro mobile</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Numéro direct</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Groupes d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Desk phones</source>
        <translation>Téléphones de bureau</translation>
    </message>
</context>
<context>
    <name>centrale::UsersPage</name>
    <message>
        <source>Mobile number changed</source>
        <translation>Numéro mobile modifié</translation>
    </message>
    <message>
        <source>The mobile number changed. Send the welcome message to the user?</source>
        <translation>Le numéro mobile a changé. Envoyer le message de bienvenue à l’utilisateur&#xa0;?</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Envoyer un message de bienvenue…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>There is no user group yet: create one under User groups.</source>
        <translation>Il n’y a encore aucun groupe d’utilisateurs&#xa0;: créez-en un sous Groupes d’utilisateurs.</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Ajouter au groupe</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message numerus="yes">
        <source>Add the %n selected user(s) to the group:</source>
        <translation>
            <numerusform>Ajouter l’utilisateur sélectionné au groupe&#xa0;:</numerusform>
            <numerusform>Ajouter les %n utilisateurs sélectionnés au groupe&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected user(s) from the group:</source>
        <translation>
            <numerusform>Retirer l’utilisateur sélectionné du groupe&#xa0;:</numerusform>
            <numerusform>Retirer les %n utilisateurs sélectionnés du groupe&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>MAC address: %1</source>
        <translation>Adresse MAC&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent to the phone: %1</source>
        <translation>Modifications en attente d’envoi au téléphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(utilisateur supprimé)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Key %1 — %2: %3</source>
        <translation>Touche %1 — %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Phone settings</source>
        <translation>Paramètres du téléphone</translation>
    </message>
    <message>
        <source>No key is programmed.</source>
        <translation>Aucune touche n’est programmée.</translation>
    </message>
    <message>
        <source>Programmed keys:</source>
        <translation>Touches programmées&#xa0;:</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Edit user…</source>
        <translation>Modifier l’utilisateur…</translation>
    </message>
    <message>
        <source>Edit the selected user; the arrow opens the other actions on the selected users</source>
        <translation>Modifier l’utilisateur sélectionné&#xa0;; la flèche ouvre les autres actions sur les utilisateurs sélectionnés</translation>
    </message>
    <message>
        <source>Password, PIN, photo, names, email, groups, direct and mobile number, desk phones</source>
        <translation>Mot de passe, code PIN, photo, nom et prénom, e-mail, groupes, numéros direct et mobile, téléphones de bureau</translation>
    </message>
    <message>
        <source>Send the selected users how to sign in and install the applications</source>
        <translation>Envoyer aux utilisateurs sélectionnés comment se connecter et installer les applications</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>Ajouter au groupe…</translation>
    </message>
    <message>
        <source>Add the selected users to a user group</source>
        <translation>Ajouter les utilisateurs sélectionnés à un groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>Retirer du groupe…</translation>
    </message>
    <message>
        <source>Remove the selected users from a user group</source>
        <translation>Retirer les utilisateurs sélectionnés d’un groupe d’utilisateurs</translation>
    </message>
    <message>
        <source>In every column</source>
        <translation>Dans toutes les colonnes</translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation>Dans&#xa0;: %1</translation>
    </message>
    <message>
        <source>Column to filter</source>
        <translation>Colonne à filtrer</translation>
    </message>
</context>
<context>
    <name>centrale::WeekTimeline</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2 (default state)</source>
        <extracomment>%1 is a time span, %2 open or closed</extracomment>
        <translation>%1&#xa0;: %2 (état par défaut)</translation>
    </message>
    <message>
        <source>%1: %2, event “%3”</source>
        <extracomment>%1 is a time span, %2 open or closed, %3 the deciding event&apos;s title</extracomment>
        <translation>%1&#xa0;: %2, événement «&#xa0;%3&#xa0;»</translation>
    </message>
</context>
<context>
    <name>centrale::WelcomeDialog</name>
    <message>
        <source>Welcome message</source>
        <translation>Message d’accueil</translation>
    </message>
    <message>
        <source>How to sign in to the web portal</source>
        <translation>Comment se connecter au portail web</translation>
    </message>
    <message>
        <source>Where to download the smartphone app and how to set it up</source>
        <translation>Où télécharger l’application pour smartphone et comment la configurer</translation>
    </message>
    <message>
        <source>Where to download the PC softphone and how to set it up</source>
        <translation>Où télécharger le softphone pour PC et comment le configurer</translation>
    </message>
    <message>
        <source>Select one or more accesses. The message tells the user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>Sélectionnez un ou plusieurs accès. Le message explique à l’utilisateur comment se connecter ou installer l’application, avec son nom d’utilisateur et un lien pour choisir un mot de passe.</translation>
    </message>
    <message numerus="yes">
        <source>Select one or more accesses for the %n selected user(s). The message tells each user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>
            <numerusform>Sélectionnez un ou plusieurs accès pour l’utilisateur sélectionné (%n). Le message explique à chaque utilisateur comment se connecter ou installer l’application, avec son nom d’utilisateur et un lien pour choisir un mot de passe.</numerusform>
            <numerusform>Sélectionnez un ou plusieurs accès pour les %n utilisateurs sélectionnés. Le message explique à chaque utilisateur comment se connecter ou installer l’application, avec son nom d’utilisateur et un lien pour choisir un mot de passe.</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Queued: by email to %1</source>
        <translation>En attente&#xa0;: par e-mail à %1</translation>
    </message>
    <message>
        <source>Queued: by SMS to %1</source>
        <translation>En attente&#xa0;: par SMS au %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) cannot be sent.</source>
        <translation>
            <numerusform>%n message ne peut pas être envoyé.</numerusform>
            <numerusform>%n messages ne peuvent pas être envoyés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>They are sent when Centrale is connected to the server; until then they wait with the other changes.</source>
        <translation>Ils sont envoyés quand Centrale est connecté au serveur&#xa0;; d’ici là, ils attendent avec les autres modifications.</translation>
    </message>
    <message>
        <source>Sending through the server…</source>
        <translation>Envoi par le serveur…</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). The messages wait with the other changes and are sent at the next sync.</source>
        <translation>Le serveur est injoignable (%1). Les messages attendent avec les autres modifications et partent à la prochaine synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued.</source>
        <translation>
            <numerusform>%n message en attente.</numerusform>
            <numerusform>%n messages en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent by SMS to %1</source>
        <translation>Envoyé par SMS au %1</translation>
    </message>
    <message>
        <source>Sent by email to %1</source>
        <translation>Envoyé par e-mail à %1</translation>
    </message>
    <message>
        <source>by SMS to %1</source>
        <translation>par SMS au %1</translation>
    </message>
    <message>
        <source>by email to %1</source>
        <translation>par e-mail à %1</translation>
    </message>
    <message>
        <source>Queued: %1, about to be sent</source>
        <translation>En attente&#xa0;: %1, sur le point de partir</translation>
    </message>
    <message>
        <source>Queued for another attempt, %1: %2</source>
        <translation>En attente d’un nouvel essai, %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the server gave no reason</source>
        <translation>le serveur n’a pas donné de raison</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n message envoyé.</numerusform>
            <numerusform>%n messages envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued: the server tries again, and this window checks every few seconds.</source>
        <translation>
            <numerusform>%n message en attente&#xa0;: le serveur réessaie, et cette fenêtre vérifie toutes les quelques secondes.</numerusform>
            <numerusform>%n messages en attente&#xa0;: le serveur réessaie, et cette fenêtre vérifie toutes les quelques secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not sent.</source>
        <translation>
            <numerusform>%n message non envoyé.</numerusform>
            <numerusform>%n messages non envoyés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::server::CallRecorder</name>
    <message>
        <source>The phone&apos;s address %1 cannot be resolved.</source>
        <translation>L’adresse %1 du téléphone est introuvable.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 cannot be reached from this server.</source>
        <translation>L’adresse %1 du téléphone n’est pas joignable depuis ce serveur.</translation>
    </message>
    <message>
        <source>The SIP stack could not start (error %1).</source>
        <translation>La pile SIP n’a pas pu démarrer (erreur %1).</translation>
    </message>
</context>
<context>
    <name>centrale::server::HttpServer</name>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>Impossible de lire le certificat %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>Cannot read the key %1: %2</source>
        <translation>Impossible de lire la clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation>%1 ne contient aucune clé privée PEM (RSA ou EC).</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, for example 127.0.0.1:8443.</source>
        <translation>--listen prend HÔTE:PORT, par exemple 127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>The port in --listen must be a number from 0 to 65535.</source>
        <translation>Le port de --listen doit être un nombre de 0 à 65535.</translation>
    </message>
    <message>
        <source>%1 is not an IP address to listen on.</source>
        <translation>%1 n’est pas une adresse IP d’écoute.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (is the port in use?).</source>
        <translation>Impossible d’écouter sur %1:%2 (le port est-il occupé&#xa0;?).</translation>
    </message>
</context>
</TS>
