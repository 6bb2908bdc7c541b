<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Application</name>
    <message>
        <source>The store file to open (default: the per-user store).</source>
        <translation>Het te openen databasebestand (standaard: de database van de huidige gebruiker).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pad</translation>
    </message>
    <message>
        <source>The language of the interface: fr, nl or en.</source>
        <translation>De taal van de interface: fr, nl of en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>%1 is not a language Centrale speaks; use fr, nl or en.</source>
        <translation>%1 is geen taal die Centrale ondersteunt; gebruik fr, nl of en.</translation>
    </message>
    <message>
        <source>Centrale</source>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>The store %1 cannot be opened.

%2</source>
        <translation>De database %1 kan niet geopend worden.

%2</translation>
    </message>
    <message>
        <source>The demo organisation could not be created.

%1</source>
        <translation>De demo-organisatie kon niet aangemaakt worden.

%1</translation>
    </message>
</context>
<context>
    <name>CalendarCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Onbekende of ontbrekende actie.</translation>
    </message>
</context>
<context>
    <name>CliIo</name>
    <message>
        <source>There is no store at %1. Create one with: centrale-cli demo --store %1</source>
        <translation>Er is geen database op %1. Maak er een aan met: centrale-cli demo --store %1</translation>
    </message>
</context>
<context>
    <name>CliParser</name>
    <message>
        <source>The store file to use (default: the per-user store).</source>
        <translation>Het te gebruiken databasebestand (standaard: de database van de huidige gebruiker).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pad</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Het resultaat als JSON tonen.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Deze hulp tonen.</translation>
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
        <translation>Gebruik: centrale-cli [--store PAD] [--json] OPDRACHT [OPTIES]

Opdrachten:
  demo [--users N]              maakt de demo-organisatie domaincustomer.be aan in een nieuwe database
  users list [--filter TEKST]   toont de gebruikers (gesorteerd op familienaam)
  groups list                   toont de gebruikersgroepen
  contacts list [--user NAAM]   toont de contacten; met --user de contacten die die gebruiker ziet en waar elk contact vandaan komt
  numbers list [--free]         toont de pool van rechtstreekse nummers
  functions list                toont de functienummers

Opties:
  --store PAD    het databasebestand (standaard: %1)
  --json         toont de lijsten als JSON
  --help         toont de hulp bij een opdracht
  --version      toont de versie

Afsluitcodes: 0 gelukt, 1 de aanvraag is mislukt, 2 foute opdrachtregel, 3 de database kan niet geopend of geschreven worden.
</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>Onbekende optie %1.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Onbekende opdracht %1.</translation>
    </message>
    <message>
        <source>Create the demo organisation in a new store.</source>
        <translation>De demo-organisatie in een nieuwe database aanmaken.</translation>
    </message>
    <message>
        <source>Number of users (default 48; up to 500 000 for scale work).</source>
        <translation>Aantal gebruikers (standaard 48; tot 500.000 voor schaaltests).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <source>--users needs a positive whole number, not %1.</source>
        <translation>--users verwacht een positief geheel getal, niet %1.</translation>
    </message>
    <message>
        <source>%1 already exists; the demo is created in a new store only.</source>
        <translation>%1 bestaat al; de demo wordt alleen in een nieuwe database aangemaakt.</translation>
    </message>
    <message>
        <source>Creating the demo organisation: %1%</source>
        <translation>Demo-organisatie wordt aangemaakt: %1%</translation>
    </message>
    <message>
        <source>Created %1 in %2: %3 users, %4 groups, %5 contacts, %6 numbers, %7 function numbers, %8 phones (%9 s).</source>
        <translation>%1 aangemaakt in %2: %3 gebruikers, %4 groepen, %5 contacten, %6 nummers, %7 functienummers, %8 toestellen (%9 s).</translation>
    </message>
    <message>
        <source>Unknown or missing action; try: list.</source>
        <translation>Onbekende of ontbrekende actie; probeer: list.</translation>
    </message>
    <message>
        <source>List users.</source>
        <translation>Gebruikers tonen.</translation>
    </message>
    <message>
        <source>Only users whose name, username, email or number contains the text.</source>
        <translation>Alleen gebruikers waarvan de naam, gebruikersnaam, het e-mailadres of nummer de tekst bevat.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>Sort by lastName, firstName, username, email, mobile or directNumber.</source>
        <translation>Sorteren op lastName, firstName, username, email, mobile of directNumber.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>sleutel</translation>
    </message>
    <message>
        <source>Sort in descending order.</source>
        <translation>Aflopend sorteren.</translation>
    </message>
    <message>
        <source>Show at most this many users.</source>
        <translation>Maximaal dit aantal gebruikers tonen.</translation>
    </message>
    <message>
        <source>Skip this many users first.</source>
        <translation>Eerst dit aantal gebruikers overslaan.</translation>
    </message>
    <message>
        <source>%1 is not a sort key; use one of: %2.</source>
        <translation>%1 is geen sorteersleutel; gebruik een van de volgende: %2.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Gsm</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Rechtstreeks nummer</translation>
    </message>
    <message>
        <source>List user groups.</source>
        <translation>Gebruikersgroepen tonen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>List contacts.</source>
        <translation>Contacten tonen.</translation>
    </message>
    <message>
        <source>The contacts this user sees: the organisation&apos;s, its groups&apos; and its own.</source>
        <translation>De contacten die deze gebruiker ziet: die van de organisatie, die van zijn groepen en zijn eigen contacten.</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>Only contacts whose name, company, email or number contains the text.</source>
        <translation>Alleen contacten waarvan de naam, het bedrijf, het e-mailadres of nummer de tekst bevat.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummers</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Gedefinieerd voor</translation>
    </message>
    <message>
        <source>List the pool of direct numbers.</source>
        <translation>De pool van rechtstreekse nummers tonen.</translation>
    </message>
    <message>
        <source>Only the numbers that are not assigned.</source>
        <translation>Alleen de nummers die niet toegewezen zijn.</translation>
    </message>
    <message>
        <source>List numbers.</source>
        <translation>Nummers tonen.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>vrij</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Toegewezen aan</translation>
    </message>
    <message>
        <source>List function numbers.</source>
        <translation>Functienummers tonen.</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Standaardstatus</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Gebruikersgroep</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>%1 is not a contact level; use organisation, group or user.</source>
        <translation>%1 is geen contactniveau; gebruik organisation, group of user.</translation>
    </message>
    <message>
        <source>A contact needs a first name, a last name or a company.</source>
        <translation>Een contact moet een voornaam, een familienaam of een bedrijf hebben.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>An organisation contact cannot belong to a group or a user.</source>
        <translation>Een contact van de organisatie kan niet bij een groep of een gebruiker horen.</translation>
    </message>
    <message>
        <source>Choose the group or the user this contact belongs to.</source>
        <translation>Kies de groep of de gebruiker waar dit contact bij hoort.</translation>
    </message>
    <message>
        <source>Add at least one phone number (always in the +32 format).</source>
        <translation>Voeg minstens één telefoonnummer toe (altijd in het formaat +32).</translation>
    </message>
    <message>
        <source>Number label</source>
        <translation>Label van het nummer</translation>
    </message>
</context>
<context>
    <name>ContactRepository</name>
    <message>
        <source>The contact&apos;s group does not exist.</source>
        <translation>De groep van het contact bestaat niet.</translation>
    </message>
    <message>
        <source>The contact&apos;s user does not exist.</source>
        <translation>De gebruiker van het contact bestaat niet.</translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation>Dit contact bestaat niet.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1: a record with the same key already exists.</source>
        <translation>%1: er bestaat al een record met dezelfde sleutel.</translation>
    </message>
    <message>
        <source>%1: the record is still referenced by another one.</source>
        <translation>%1: er wordt nog naar het record verwezen vanuit een ander record.</translation>
    </message>
    <message>
        <source>%1: the local store reported an error (%2).</source>
        <translation>%1: de lokale database meldde een fout (%2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the store.</source>
        <translation>Kan de map %1 voor de database niet aanmaken.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>Het SQLite-stuurprogramma voor Qt is niet geïnstalleerd (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>Kan de database %1 niet openen: %2</translation>
    </message>
    <message>
        <source>%1 is not a Centrale store or is damaged.</source>
        <translation>%1 is geen Centrale-database of is beschadigd.</translation>
    </message>
    <message>
        <source>This store was written by a newer version of Centrale (schema %1; this version knows up to %2). Update Centrale to open it.</source>
        <translation>Deze database werd geschreven door een nieuwere versie van Centrale (schema %1; deze versie kent schema&apos;s tot en met %2). Werk Centrale bij om ze te openen.</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Kan geen transactie starten: %1</translation>
    </message>
    <message>
        <source>Cannot save the changes: %1</source>
        <translation>Kan de wijzigingen niet opslaan: %1</translation>
    </message>
    <message>
        <source>The change was cancelled because a part of it failed.</source>
        <translation>De wijziging werd geannuleerd omdat een deel ervan mislukte.</translation>
    </message>
    <message>
        <source>Preparing a query</source>
        <translation>Voorbereiden van een query</translation>
    </message>
    <message>
        <source>Running a query</source>
        <translation>Uitvoeren van een query</translation>
    </message>
    <message>
        <source>The record to change no longer exists.</source>
        <translation>Het te wijzigen record bestaat niet meer.</translation>
    </message>
    <message>
        <source>The record to delete no longer exists.</source>
        <translation>Het te verwijderen record bestaat niet meer.</translation>
    </message>
    <message>
        <source>the integrity check could not run</source>
        <translation>de integriteitscontrole kon niet uitgevoerd worden</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>Preparing the demo data</source>
        <translation>Voorbereiden van de demogegevens</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>Wegschrijven van de demogegevens</translation>
    </message>
    <message>
        <source>The number of users must be between 1 and 500 000.</source>
        <translation>Het aantal gebruikers moet tussen 1 en 500.000 liggen.</translation>
    </message>
    <message>
        <source>The store already holds an organisation; choose a new file for the demo.</source>
        <translation>De database bevat al een organisatie; kies een nieuw bestand voor de demo.</translation>
    </message>
</context>
<context>
    <name>FunctionNumber</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>%1 is not a state; use open or closed.</source>
        <translation>%1 is geen status; gebruik open of closed.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
</context>
<context>
    <name>FunctionNumberRepository</name>
    <message>
        <source>The function number %1 already exists.</source>
        <translation>Het functienummer %1 bestaat al.</translation>
    </message>
    <message>
        <source>No such function number.</source>
        <translation>Dit functienummer bestaat niet.</translation>
    </message>
    <message>
        <source>There is no function number %1.</source>
        <translation>Er is geen functienummer %1.</translation>
    </message>
    <message>
        <source>No such calendar event.</source>
        <translation>Deze kalendergebeurtenis bestaat niet.</translation>
    </message>
    <message>
        <source>The event&apos;s voice prompt does not exist.</source>
        <translation>Het spraakbericht van de gebeurtenis bestaat niet.</translation>
    </message>
</context>
<context>
    <name>GroupRepository</name>
    <message>
        <source>A user group named %1 already exists.</source>
        <translation>Er bestaat al een gebruikersgroep met de naam %1.</translation>
    </message>
    <message>
        <source>No such user group.</source>
        <translation>Deze gebruikersgroep bestaat niet.</translation>
    </message>
    <message>
        <source>There is no user group named %1.</source>
        <translation>Er is geen gebruikersgroep met de naam %1.</translation>
    </message>
    <message numerus="yes">
        <source>The group %1 still has %n member(s); remove them from the group first.</source>
        <translation>
            <numerusform>De groep %1 heeft nog %n lid; verwijder dat lid eerst uit de groep.</numerusform>
            <numerusform>De groep %1 heeft nog %n leden; verwijder die leden eerst uit de groep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumberRepository</name>
    <message>
        <source>%1 is already in the pool.</source>
        <translation>%1 zit al in de pool.</translation>
    </message>
    <message>
        <source>No such number in the pool.</source>
        <translation>Dit nummer zit niet in de pool.</translation>
    </message>
    <message>
        <source>%1 is not in the organisation&apos;s pool of numbers.</source>
        <translation>%1 zit niet in de nummerpool van de organisatie.</translation>
    </message>
    <message>
        <source>%1 is already assigned to %2.</source>
        <translation>%1 is al toegewezen aan %2.</translation>
    </message>
    <message>
        <source>%1 is assigned to %2; free it before removing it from the pool.</source>
        <translation>%1 is toegewezen aan %2; geef het nummer vrij voordat u het uit de pool verwijdert.</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
</context>
<context>
    <name>OrganisationRepository</name>
    <message>
        <source>This store holds no organisation yet.</source>
        <translation>Deze database bevat nog geen organisatie.</translation>
    </message>
    <message>
        <source>This store already holds the organisation %1.</source>
        <translation>Deze database bevat al de organisatie %1.</translation>
    </message>
</context>
<context>
    <name>PhoneNumbers</name>
    <message>
        <source>Belgian</source>
        <translation>Belgisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Frans</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburgs</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <source>%1 is not a valid phone number: %2</source>
        <translation>%1 is geen geldig telefoonnummer: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid %2 number: %3</source>
        <extracomment>%2 is a country adjective such as &quot;Belgian&quot;; %3 is the reason</extracomment>
        <translation>%1 is geen geldig %2 nummer: %3</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Het telefoonnummer is leeg.</translation>
    </message>
    <message>
        <source>the country code is not known; start with +32 or 0.</source>
        <translation>de landcode is onbekend; begin met +32 of 0.</translation>
    </message>
    <message>
        <source>it has too few digits.</source>
        <translation>het bevat te weinig cijfers.</translation>
    </message>
    <message>
        <source>it has too many digits.</source>
        <translation>het bevat te veel cijfers.</translation>
    </message>
    <message>
        <source>it contains no phone number; use the format +32 …</source>
        <translation>het bevat geen telefoonnummer; gebruik het formaat +32 …</translation>
    </message>
    <message>
        <source>the country code is not known.</source>
        <translation>de landcode is onbekend.</translation>
    </message>
    <message>
        <source>no such prefix or length is in use.</source>
        <translation>er bestaat geen nummer met dit prefix of deze lengte.</translation>
    </message>
    <message>
        <source>it is not a mobile number (Belgian mobiles start with +324).</source>
        <translation>het is geen gsm-nummer (Belgische gsm-nummers beginnen met +324).</translation>
    </message>
</context>
<context>
    <name>PhoneRepository</name>
    <message>
        <source>The phone refers to a user who does not exist.</source>
        <translation>Het toestel verwijst naar een gebruiker die niet bestaat.</translation>
    </message>
    <message>
        <source>A phone with the MAC address %1 already exists.</source>
        <translation>Er bestaat al een toestel met het MAC-adres %1.</translation>
    </message>
    <message>
        <source>No such phone.</source>
        <translation>Dit toestel bestaat niet.</translation>
    </message>
    <message>
        <source>There is no phone with the MAC address %1.</source>
        <translation>Er is geen toestel met het MAC-adres %1.</translation>
    </message>
</context>
<context>
    <name>PoolNumber</name>
    <message>
        <source>A number can be assigned to a user or to a function number, not both.</source>
        <translation>Een nummer kan aan een gebruiker of aan een functienummer toegewezen worden, niet aan beide.</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Onbekende of ontbrekende actie.</translation>
    </message>
</context>
<context>
    <name>PromptConverter</name>
    <message>
        <source>The prompt is not an A-law, 8000 Hz, mono WAV file: %1</source>
        <translation>Het spraakbericht is geen WAV-bestand in A-law, 8000 Hz, mono: %1</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 kanalen</translation>
    </message>
    <message>
        <source>%1 contains no audio.</source>
        <translation>%1 bevat geen audio.</translation>
    </message>
    <message>
        <source>%1 could not be converted: %2</source>
        <translation>%1 kon niet worden geconverteerd: %2</translation>
    </message>
    <message>
        <source>The loudness of %1 could not be measured (silent or too short); it was left unchanged.</source>
        <translation>De luidheid van %1 kon niet worden gemeten (stil of te kort); ze is ongewijzigd gelaten.</translation>
    </message>
    <message>
        <source>%1 of %2 samples were clipped at full scale.</source>
        <translation>%1 van %2 samples zijn op volle schaal afgekapt.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kan niet worden geopend: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is leeg.</translation>
    </message>
    <message>
        <source>%1 is not an audio file Centrale can read: %2</source>
        <translation>%1 is geen audiobestand dat Centrale kan lezen: %2</translation>
    </message>
    <message>
        <source>%1 has no audio channels.</source>
        <translation>%1 heeft geen audiokanalen.</translation>
    </message>
    <message>
        <source>%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.</source>
        <translation>%1 heeft een samplefrequentie van %2 Hz; Centrale aanvaardt %3 tot %4 Hz.</translation>
    </message>
    <message>
        <source>%1 lasts %2; a voice prompt may last at most %3.</source>
        <translation>%1 duurt %2; een spraakbericht mag hoogstens %3 duren.</translation>
    </message>
    <message>
        <source>%1 is shorter than its header says; it was read as far as the audio goes.</source>
        <translation>%1 is korter dan de header aangeeft; het is gelezen tot waar de audio ophoudt.</translation>
    </message>
    <message>
        <source>The recording</source>
        <translation>De opname</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>The voice prompt %1 has no audio yet: import or record it first.</source>
        <translation>Het spraakbericht %1 heeft nog geen audio: importeer of neem het eerst op.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
</context>
<context>
    <name>PromptRepository</name>
    <message>
        <source>A voice prompt named %1 already exists.</source>
        <translation>Er bestaat al een spraakbericht met de naam %1.</translation>
    </message>
    <message>
        <source>No such voice prompt.</source>
        <translation>Dit spraakbericht bestaat niet.</translation>
    </message>
    <message>
        <source>There is no voice prompt named %1.</source>
        <translation>Er is geen spraakbericht met de naam %1.</translation>
    </message>
    <message>
        <source>The voice prompt %1 is played by %2; choose another prompt there first.</source>
        <translation>Het spraakbericht %1 wordt afgespeeld door %2; kies daar eerst een ander spraakbericht.</translation>
    </message>
</context>
<context>
    <name>ScheduleEngine</name>
    <message>
        <source>The time zone is not known; choose one such as Europe/Brussels.</source>
        <translation>De tijdzone is onbekend; kies er een zoals Europe/Brussels.</translation>
    </message>
</context>
<context>
    <name>ScheduleEvent</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>The event does not belong to a function number.</source>
        <translation>De gebeurtenis hoort bij geen enkel functienummer.</translation>
    </message>
    <message>
        <source>The event needs a valid start and end.</source>
        <translation>De gebeurtenis heeft een geldig begin en einde nodig.</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>De gebeurtenis moet na het begin eindigen.</translation>
    </message>
    <message>
        <source>%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</source>
        <translation>%1 is geen geldige herhalingsregel (iCalendar RRULE), bv. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</translation>
    </message>
</context>
<context>
    <name>ServiceSettings</name>
    <message>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <source>Forward on no answer after (seconds)</source>
        <translation>Doorschakelen bij geen antwoord na (seconden)</translation>
    </message>
    <message>
        <source>International calls allowed</source>
        <translation>Internationale oproepen toegestaan</translation>
    </message>
    <message>
        <source>Call recording</source>
        <translation>Gespreksopname</translation>
    </message>
    <message>
        <source>Caller ID shown</source>
        <translation>Weergegeven nummer</translation>
    </message>
    <message>
        <source>Own direct number</source>
        <translation>Eigen rechtstreeks nummer</translation>
    </message>
    <message>
        <source>Organisation&apos;s main number</source>
        <translation>Hoofdnummer van de organisatie</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>(inherited)</source>
        <translation>(overgeërfd)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Forward on no answer must be between 5 and 120 seconds, not %1.</source>
        <translation>Doorschakelen bij geen antwoord moet tussen 5 en 120 seconden liggen, niet %1.</translation>
    </message>
    <message>
        <source>The setting %1 has a value of the wrong type.</source>
        <translation>De instelling %1 heeft een waarde van het verkeerde type.</translation>
    </message>
    <message>
        <source>%1 is not a known service setting.</source>
        <translation>%1 is geen bekende dienstinstelling.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groep %1</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
</context>
<context>
    <name>SipPhone</name>
    <message>
        <source>Empty</source>
        <translation>Leeg</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Intern nummer</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefoonnummer</translation>
    </message>
    <message>
        <source>%1 is not a MAC address; it must have 12 hexadecimal digits, e.g. 00:04:13:2A:3B:4C.</source>
        <translation>%1 is geen MAC-adres; het moet 12 hexadecimale cijfers bevatten, bv. 00:04:13:2A:3B:4C.</translation>
    </message>
    <message>
        <source>%1 is not a supported phone model; choose one of: %2.</source>
        <translation>%1 is geen ondersteund toestelmodel; kies een van de volgende: %2.</translation>
    </message>
    <message>
        <source>Key %1 does not exist on a %2, which has keys 1 to %3.</source>
        <translation>Toets %1 bestaat niet op een %2; dat model heeft de toetsen 1 tot en met %3.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>Toets %1 is twee keer geprogrammeerd.</translation>
    </message>
    <message>
        <source>Key %1: choose the colleague whose extension it calls.</source>
        <translation>Toets %1: kies de collega naar wiens intern nummer deze toets belt.</translation>
    </message>
    <message>
        <source>Key %1: display name</source>
        <translation>Toets %1: weergavenaam</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Toets %1: %2</translation>
    </message>
</context>
<context>
    <name>User</name>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>A user cannot be in the same group twice.</source>
        <translation>Een gebruiker kan niet twee keer in dezelfde groep zitten.</translation>
    </message>
</context>
<context>
    <name>UserGroup</name>
    <message>
        <source>Group name</source>
        <translation>Groepsnaam</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>The user cannot join a group that does not exist (%1).</source>
        <translation>De gebruiker kan geen lid worden van een groep die niet bestaat (%1).</translation>
    </message>
    <message>
        <source>The username %1 is already taken.</source>
        <translation>De gebruikersnaam %1 is al in gebruik.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>Deze gebruiker bestaat niet.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Er is geen gebruiker %1.</translation>
    </message>
</context>
<context>
    <name>Validators</name>
    <message>
        <source>The domain is empty; enter one such as domaincustomer.be.</source>
        <translation>Het domein is leeg; vul er een in, bijvoorbeeld domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid domain; enter one such as domaincustomer.be.</source>
        <translation>%1 is geen geldig domein; vul er een in, bijvoorbeeld domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address; it must look like name@example.be.</source>
        <translation>%1 is geen geldig e-mailadres; het moet de vorm naam@example.be hebben.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: the part before @ contains characters that are not allowed.</source>
        <translation>%1 is geen geldig e-mailadres: het deel voor @ bevat tekens die niet toegestaan zijn.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: %2 is not a valid domain.</source>
        <translation>%1 is geen geldig e-mailadres: %2 is geen geldig domein.</translation>
    </message>
    <message>
        <source>The username is empty; it must look like user.1@%1.</source>
        <translation>De gebruikersnaam is leeg; hij moet de vorm user.1@%1 hebben.</translation>
    </message>
    <message>
        <source>%1 is not a valid username; it must look like user.1@%2.</source>
        <translation>%1 is geen geldige gebruikersnaam; hij moet de vorm user.1@%2 hebben.</translation>
    </message>
    <message>
        <source>%1 is not a valid username: the part before @ may contain only letters, digits and . _ -</source>
        <translation>%1 is geen geldige gebruikersnaam: het deel voor @ mag enkel bestaan uit letters, cijfers en . _ -</translation>
    </message>
    <message>
        <source>%1 is not a valid username: it must end with @%2, the organisation&apos;s domain.</source>
        <translation>%1 is geen geldige gebruikersnaam: hij moet eindigen op @%2, het domein van de organisatie.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <extracomment>%1 is a field label such as &quot;Name&quot;</extracomment>
        <translation>%1 is verplicht.</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1 is te lang: %2 tekens, maximaal %3.</translation>
    </message>
    <message>
        <source>%1 contains a control character; remove it.</source>
        <translation>%1 bevat een stuurteken; verwijder het.</translation>
    </message>
    <message>
        <source>%1 is not a supported language; choose fr, nl or en.</source>
        <translation>%1 is geen ondersteunde taal; kies fr, nl of en.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>De pincode moet uit 4 tot 8 cijfers bestaan.</translation>
    </message>
</context>
<context>
    <name>VoicePrompt</name>
    <message>
        <source>Imported file</source>
        <translation>Geïmporteerd bestand</translation>
    </message>
    <message>
        <source>Recorded locally</source>
        <translation>Lokaal opgenomen</translation>
    </message>
    <message>
        <source>Recorded by call</source>
        <translation>Opgenomen via een oproep</translation>
    </message>
    <message>
        <source>%1 is not a known prompt origin.</source>
        <translation>%1 is geen bekende herkomst van een spraakbericht.</translation>
    </message>
    <message>
        <source>Prompt name</source>
        <translation>Naam van het spraakbericht</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>The duration of a prompt cannot be negative.</source>
        <translation>De duur van een spraakbericht kan niet negatief zijn.</translation>
    </message>
</context>
<context>
    <name>centrale::ContactsModel</name>
    <message>
        <source>Last name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefoonnummers</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Gedefinieerd voor</translation>
    </message>
</context>
<context>
    <name>centrale::EventsModel</name>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Herhaling</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Spraakbericht</translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <extracomment>An event&apos;s time span, e.g. &quot;5/1/26 08:30 – 12:30&quot;</extracomment>
        <translation>%1 %2 – %3</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Eenmalig</translation>
    </message>
</context>
<context>
    <name>centrale::FunctionsModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Standaardstatus</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
</context>
<context>
    <name>centrale::GroupsModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Groepsinstellingen</translation>
    </message>
</context>
<context>
    <name>centrale::MainWindow</name>
    <message>
        <source>About Centrale</source>
        <translation>Over Centrale</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Administration of hosted business telephony: contact lists, voice prompts, calendars, user groups, users and SIP phones, with offline editing.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Beheer van gehoste bedrijfstelefonie: contactlijsten, spraakberichten, kalenders, gebruikersgroepen, gebruikers en SIP-toestellen, met offline bewerken.&lt;/p&gt;&lt;p&gt;Uitgebracht onder de Apache-licentie 2.0.&lt;/p&gt;</translation>
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
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;ewerken</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Centrale</source>
        <translation>&amp;Over Centrale</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Diensten</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Function numbers</source>
        <translation>Functienummers</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>Gebruikersbeheer</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Toestellen</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Contactlijsten</translation>
    </message>
    <message>
        <source>Voice prompts</source>
        <translation>Spraakberichten</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>Kalenders</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Gebruikersgroepen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>SIP-toestellen</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Contacts can be defined for the whole organisation, a user group or a user. A user inherits the contacts of the organisation and of every group it belongs to.</source>
        <translation>Contacten kunnen gedefinieerd worden voor de hele organisatie, een gebruikersgroep of een gebruiker. Een gebruiker erft de contacten van de organisatie en van elke groep waartoe hij behoort.</translation>
    </message>
    <message>
        <source>Prompts are stored as A-law, 8 kHz, mono. The description should be the exact text of the prompt.</source>
        <translation>Spraakberichten worden opgeslagen als A-law, 8 kHz, mono. De beschrijving hoort de exacte tekst van het spraakbericht te zijn.</translation>
    </message>
    <message>
        <source>Each function number&apos;s schedule is a list of events in order of priority: the first event that applies wins. By default a function number is closed.</source>
        <translation>De planning van elk functienummer is een lijst van gebeurtenissen in volgorde van prioriteit: de eerste gebeurtenis die van toepassing is, krijgt voorrang. Standaard is een functienummer gesloten.</translation>
    </message>
    <message>
        <source>Users of a group share its service settings. Select a group to list its users.</source>
        <translation>De gebruikers van een groep delen de dienstinstellingen van die groep. Selecteer een groep om de gebruikers ervan te tonen.</translation>
    </message>
    <message>
        <source>Select a phone to see its programmed keys.</source>
        <translation>Selecteer een toestel om de geprogrammeerde toetsen ervan te zien.</translation>
    </message>
    <message>
        <source>Users of the group</source>
        <translation>Gebruikers van de groep</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Planningsgebeurtenissen, volgens prioriteit</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Lokale database: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n wijziging wacht op verzending</numerusform>
            <numerusform>%n wijzigingen wachten op verzending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::PhonesModel</name>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-adres</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Programmed keys</source>
        <translation>Geprogrammeerde toetsen</translation>
    </message>
    <message>
        <source>Changes to send</source>
        <translation>Te verzenden wijzigingen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>centrale::PromptsModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Gebruikt door</translation>
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
        <translation>Filteren…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elementen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::UsersModel</name>
    <message>
        <source>Last name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Gsm-nummer</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Rechtstreeks nummer</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Gebruikersgroepen</translation>
    </message>
</context>
</TS>
