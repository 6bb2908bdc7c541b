<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
    <name>CalendarCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Action inconnue ou manquante.</translation>
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
        <source>Usage: centrale-cli [--store PATH] [--json] COMMAND [OPTIONS]

Commands:
  demo [--users N]              create the demo organisation domaincustomer.be in a new store
  users list [--filter TEXT]    list users (sorted by last name)
  groups list                   list user groups
  contacts list [--user NAME]   list contacts; with --user, the contacts that user sees and where each comes from
  numbers list [--free]         list the pool of direct numbers
  functions list                list function numbers

Options:
  --store PATH   the store file (default: %1)
  --json         print listings as JSON
  --help         show help for a command
  --version      show the version

Exit codes: 0 success, 1 the request failed, 2 wrong command line, 3 the store cannot be opened or written.
</source>
        <translation>Utilisation&#xa0;: centrale-cli [--store CHEMIN] [--json] COMMANDE [OPTIONS]

Commandes&#xa0;:
  demo [--users N]              crée l&apos;organisation de démonstration domaincustomer.be dans une nouvelle base de données
  users list [--filter TEXTE]   répertorie les utilisateurs (triés par nom)
  groups list                   répertorie les groupes d&apos;utilisateurs
  contacts list [--user NOM]    répertorie les contacts&#xa0;; avec --user, les contacts que voit cet utilisateur et leur provenance
  numbers list [--free]         répertorie le pool de numéros directs
  functions list                répertorie les numéros de fonction

Options&#xa0;:
  --store CHEMIN   le fichier de base de données (par défaut&#xa0;: %1)
  --json           affiche les listes au format JSON
  --help           affiche l&apos;aide d&apos;une commande
  --version        affiche la version

Codes de sortie&#xa0;: 0 succès, 1 la demande a échoué, 2 ligne de commande incorrecte, 3 la base de données ne peut pas être ouverte ou écrite.
</translation>
    </message>
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
</context>
<context>
    <name>PoolNumber</name>
    <message>
        <source>A number can be assigned to a user or to a function number, not both.</source>
        <translation>Un numéro peut être attribué à un utilisateur ou à un numéro de fonction, mais pas aux deux.</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Action inconnue ou manquante.</translation>
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
        <source>The setting %1 has a value of the wrong type.</source>
        <translation>La valeur du paramètre %1 n&apos;est pas du bon type.</translation>
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
    <name>centrale::EventsModel</name>
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
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Invite vocale</translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <extracomment>An event&apos;s time span, e.g. &quot;5/1/26 08:30 – 12:30&quot;</extracomment>
        <translation>%1 %2 – %3</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Une fois</translation>
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
        <source>Select a phone to see its programmed keys.</source>
        <translation>Sélectionnez un téléphone pour afficher ses touches programmées.</translation>
    </message>
    <message>
        <source>Users of the group</source>
        <translation>Utilisateurs du groupe</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Événements de programmation, par priorité</translation>
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
        <source>Programmed keys</source>
        <translation>Touches programmées</translation>
    </message>
    <message>
        <source>Changes to send</source>
        <translation>Modifications à envoyer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
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
</context>
</TS>
