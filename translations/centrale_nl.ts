<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add event “%1”</source>
        <translation>Gebeurtenis ‘%1’ toevoegen</translation>
    </message>
</context>
<context>
    <name>AddEventsCommand</name>
    <message>
        <source>The event “%1” could not be added, so none was: %2</source>
        <extracomment>%1 is an event&apos;s title, %2 the reason</extracomment>
        <translation>De gebeurtenis ‘%1’ kon niet worden toegevoegd, dus geen enkele: %2</translation>
    </message>
</context>
<context>
    <name>Api</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>De inhoud van het verzoek is groter dan %1 bytes.</translation>
    </message>
    <message>
        <source>The request body must be application/json.</source>
        <translation>De inhoud van het verzoek moet application/json zijn.</translation>
    </message>
    <message>
        <source>The JSON is nested more than %1 levels deep.</source>
        <translation>De JSON is meer dan %1 niveaus diep genest.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON (at byte %1).</source>
        <translation>De inhoud van het verzoek is geen geldige JSON (bij byte %1).</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>De inhoud van het verzoek moet een JSON-object zijn.</translation>
    </message>
    <message>
        <source>The JSON holds a NUL character, which no field accepts.</source>
        <translation>De JSON bevat een NUL-teken, dat geen enkel veld aanvaardt.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Er is niets op dit adres.</translation>
    </message>
    <message>
        <source>The method %1 is not allowed here.</source>
        <translation>De methode %1 is hier niet toegestaan.</translation>
    </message>
    <message>
        <source>The server cannot reach its database.</source>
        <translation>De server bereikt zijn database niet.</translation>
    </message>
    <message>
        <source>Every write needs an Idempotency-Key header of 8 to 128 characters.</source>
        <translation>Elke schrijfbewerking vraagt een Idempotency-Key-header van 8 tot 128 tekens.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was already used for another request.</source>
        <translation>Deze Idempotency-Key werd al voor een ander verzoek gebruikt.</translation>
    </message>
    <message>
        <source>Unknown organisation.</source>
        <translation>Onbekende organisatie.</translation>
    </message>
    <message>
        <source>The organisation %1 already exists.</source>
        <translation>De organisatie %1 bestaat al.</translation>
    </message>
    <message>
        <source>There is no organisation %1 on this server.</source>
        <translation>Er is geen organisatie %1 op deze server.</translation>
    </message>
    <message>
        <source>The username %1 belongs to another organisation.</source>
        <translation>De gebruikersnaam %1 behoort tot een andere organisatie.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Log in first: this request needs a bearer token.</source>
        <translation>Meld u eerst aan: dit verzoek vraagt een token (bearer).</translation>
    </message>
    <message>
        <source>This session is unknown or was closed: log in again.</source>
        <translation>Deze sessie is onbekend of werd afgesloten: meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The session has expired: log in again.</source>
        <translation>De sessie is verlopen: meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>You do not administer this organisation.</source>
        <translation>U beheert deze organisatie niet.</translation>
    </message>
    <message>
        <source>Only an administrator of the organisation can do this.</source>
        <translation>Alleen een beheerder van de organisatie kan dit doen.</translation>
    </message>
    <message>
        <source>Enter your password again to open the administrator view.</source>
        <translation>Geef uw wachtwoord opnieuw in om de beheerdersweergave te openen.</translation>
    </message>
    <message>
        <source>Give a username and a password.</source>
        <translation>Geef een gebruikersnaam en een wachtwoord op.</translation>
    </message>
    <message>
        <source>Give a username or a mobile number.</source>
        <translation>Geef een gebruikersnaam of een gsm-nummer op.</translation>
    </message>
    <message>
        <source>Give the password.</source>
        <translation>Geef het wachtwoord op.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts: try again in %n second(s).</source>
        <translation>
            <numerusform>Te veel pogingen: probeer opnieuw over %n seconde.</numerusform>
            <numerusform>Te veel pogingen: probeer opnieuw over %n seconden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The username or the password is wrong.</source>
        <translation>De gebruikersnaam of het wachtwoord is fout.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Het wachtwoord is fout.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number.</source>
        <translation>Als deze account bestaat, is een code om een nieuw wachtwoord te kiezen verstuurd naar het e-mailadres of het gsm-nummer ervan.</translation>
    </message>
    <message>
        <source>Give the code received and the new password.</source>
        <translation>Geef de ontvangen code en het nieuwe wachtwoord op.</translation>
    </message>
    <message>
        <source>This code is not valid: it was already used, has expired or is wrong.</source>
        <translation>Deze code is niet geldig: ze werd al gebruikt, is verlopen of is fout.</translation>
    </message>
    <message>
        <source>There is no such record.</source>
        <translation>Dit record bestaat niet.</translation>
    </message>
    <message>
        <source>The id in the body is not the one in the address.</source>
        <translation>De id in de inhoud is niet die van het adres.</translation>
    </message>
    <message>
        <source>The record belongs to the record in the address.</source>
        <translation>Het record hoort bij het record in het adres.</translation>
    </message>
    <message>
        <source>The record was changed by someone else since you read it (now version %1).</source>
        <translation>Het record werd door iemand anders gewijzigd sinds u het las (nu versie %1).</translation>
    </message>
    <message>
        <source>A change needs If-Match with the version it is based on, or If-None-Match: * to create.</source>
        <translation>Een wijziging vraagt If-Match met de versie waarop ze gebaseerd is, of If-None-Match: * om aan te maken.</translation>
    </message>
    <message>
        <source>The field %1 refers to a record that does not exist.</source>
        <translation>Het veld %1 verwijst naar een record dat niet bestaat.</translation>
    </message>
    <message>
        <source>Another record already uses %1.</source>
        <translation>Een ander record gebruikt %1 al.</translation>
    </message>
    <message>
        <source>An organisation is not deleted through the API.</source>
        <translation>Een organisatie wordt niet via de API verwijderd.</translation>
    </message>
    <message>
        <source>A deletion needs If-Match with the version it is based on.</source>
        <translation>Een verwijdering vraagt If-Match met de versie waarop ze gebaseerd is.</translation>
    </message>
    <message>
        <source>This record is still used by a record of type %1 (%2): change that one first.</source>
        <translation>Dit record wordt nog gebruikt door een record van het type %1 (%2): wijzig dat eerst.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 1000.</source>
        <translation>limit moet een geheel getal van 1 tot 1000 zijn.</translation>
    </message>
    <message>
        <source>This list can be sorted by %1 only.</source>
        <translation>Deze lijst kan alleen op %1 gesorteerd worden.</translation>
    </message>
    <message>
        <source>The cursor is not one this server gave.</source>
        <translation>Deze cursor komt niet van deze server.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 5000.</source>
        <translation>limit moet een geheel getal van 1 tot 5000 zijn.</translation>
    </message>
    <message>
        <source>Unknown entity %1.</source>
        <translation>Onbekende entiteit %1.</translation>
    </message>
    <message>
        <source>This cursor is older than the deletions the server keeps: pull everything again from the start.</source>
        <translation>Deze cursor is ouder dan de verwijderingen die de server bijhoudt: haal alles opnieuw op vanaf het begin.</translation>
    </message>
    <message>
        <source>A batch needs a list of operations.</source>
        <translation>Een batch vraagt een lijst van bewerkingen.</translation>
    </message>
    <message>
        <source>A batch holds at most %1 operations.</source>
        <translation>Een batch bevat hoogstens %1 bewerkingen.</translation>
    </message>
    <message>
        <source>onError must be stop or continue.</source>
        <translation>onError moet stop of continue zijn.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s method is PUT, POST or DELETE.</source>
        <translation>De methode van een batchbewerking is PUT, POST of DELETE.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s path is a record of the organisation.</source>
        <translation>Het pad van een batchbewerking is een record van de organisatie.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override is only honoured on POST.</source>
        <translation>X-HTTP-Method-Override wordt alleen op POST gevolgd.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override takes PUT or DELETE.</source>
        <translation>X-HTTP-Method-Override aanvaardt PUT of DELETE.</translation>
    </message>
    <message>
        <source>Reload at most %1 phones at a time.</source>
        <translation>Herlaad hoogstens %1 toestellen tegelijk.</translation>
    </message>
    <message>
        <source>Name the phones to reload, by id or MAC address.</source>
        <translation>Geef de te herladen toestellen op, met hun id of MAC-adres.</translation>
    </message>
    <message>
        <source>There is no phone %1.</source>
        <translation>Toestel %1 bestaat niet.</translation>
    </message>
    <message>
        <source>This change needs If-Match with the version of the record it changes.</source>
        <translation>Deze wijziging vraagt If-Match met de versie van het record dat ze wijzigt.</translation>
    </message>
    <message>
        <source>This user has no photo.</source>
        <translation>Deze gebruiker heeft geen foto.</translation>
    </message>
    <message>
        <source>A photo is sent as image/jpeg.</source>
        <translation>Een foto wordt als image/jpeg verstuurd.</translation>
    </message>
    <message>
        <source>The user has no e-mail address: add one, or send by SMS.</source>
        <translation>De gebruiker heeft geen e-mailadres: voeg er een toe, of verstuur per sms.</translation>
    </message>
    <message>
        <source>The user has no mobile number: add one, or send by e-mail.</source>
        <translation>De gebruiker heeft geen gsm-nummer: voeg er een toe, of verstuur per e-mail.</translation>
    </message>
    <message>
        <source>Choose one or more of web, mobile and softphone, each once.</source>
        <translation>Kies een of meer van web, mobile en softphone, elk één keer.</translation>
    </message>
    <message>
        <source>delivery must be auto, email or sms.</source>
        <translation>delivery moet auto, email of sms zijn.</translation>
    </message>
    <message>
        <source>Welcome at most %1 users at a time.</source>
        <translation>Verstuur een welkomstbericht naar hoogstens %1 gebruikers tegelijk.</translation>
    </message>
    <message>
        <source>Name the users to welcome, by id or username.</source>
        <translation>Geef de gebruikers op die een welkomstbericht krijgen, met hun id of gebruikersnaam.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Gebruiker %1 bestaat niet.</translation>
    </message>
    <message>
        <source>status must be sent, queued or failed.</source>
        <translation>status moet sent, queued of failed zijn.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>Dit bericht bestaat niet.</translation>
    </message>
    <message>
        <source>Give exactly one of userId and functionId.</source>
        <translation>Geef precies één van userId en functionId op.</translation>
    </message>
    <message>
        <source>The number %1 is already assigned: release it first.</source>
        <translation>Het nummer %1 is al toegewezen: geef het eerst vrij.</translation>
    </message>
    <message>
        <source>This assignee already has the number %1.</source>
        <translation>Deze toegewezene heeft al het nummer %1.</translation>
    </message>
    <message>
        <source>This prompt has no audio yet.</source>
        <translation>Dit spraakbericht heeft nog geen audio.</translation>
    </message>
    <message>
        <source>Prompt audio is sent as audio/wav.</source>
        <translation>De audio van een spraakbericht wordt als audio/wav verstuurd.</translation>
    </message>
    <message>
        <source>at is a local time such as 2027-01-01T08:30:00.</source>
        <translation>at is een lokale tijd zoals 2027-01-01T08:30:00.</translation>
    </message>
    <message>
        <source>transitions must be a whole number from 0 to 50.</source>
        <translation>transitions moet een geheel getal van 0 tot 50 zijn.</translation>
    </message>
    <message>
        <source>A calendar is sent as text/calendar.</source>
        <translation>Een kalender wordt als text/calendar verstuurd.</translation>
    </message>
    <message>
        <source>mode must be replace or append.</source>
        <translation>mode moet replace of append zijn.</translation>
    </message>
    <message>
        <source>The calendar cannot be imported: %1</source>
        <translation>De kalender kan niet worden geïmporteerd: %1</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; cannot be imported: %2</source>
        <translation>De gebeurtenis &quot;%1&quot; kan niet worden geïmporteerd: %2</translation>
    </message>
    <message>
        <source>Nobody answered the phone.</source>
        <translation>De telefoon werd niet opgenomen.</translation>
    </message>
    <message>
        <source>The phone was busy.</source>
        <translation>De telefoon was in gesprek.</translation>
    </message>
    <message>
        <source>The call was declined.</source>
        <translation>De oproep werd geweigerd.</translation>
    </message>
    <message>
        <source>The call ended before the beep: nothing was recorded.</source>
        <translation>De oproep eindigde vóór de pieptoon: er werd niets opgenomen.</translation>
    </message>
    <message>
        <source>The recording lasted less than half a second.</source>
        <translation>De opname duurde minder dan een halve seconde.</translation>
    </message>
    <message>
        <source>This user has no desk phone with a SIP address to call.</source>
        <translation>Deze gebruiker heeft geen bureautoestel met een SIP-adres om te bellen.</translation>
    </message>
    <message>
        <source>The recording could not be stored as a voice prompt.</source>
        <translation>De opname kon niet als spraakbericht worden bewaard.</translation>
    </message>
    <message>
        <source>The call could not be made; the server&apos;s log tells why.</source>
        <translation>De oproep kon niet worden gemaakt; het logboek van de server vermeldt waarom.</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Kies de gebruiker wiens telefoon wordt gebeld.</translation>
    </message>
    <message>
        <source>There is no user %1 in this organisation.</source>
        <translation>Er is geen gebruiker %1 in deze organisatie.</translation>
    </message>
    <message>
        <source>This voice prompt is already being recorded by a call.</source>
        <translation>Dit spraakbericht wordt al via een oproep opgenomen.</translation>
    </message>
    <message>
        <source>There is no such call.</source>
        <translation>Deze oproep bestaat niet.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>geen details</translation>
    </message>
    <message>
        <source>No mail server is configured on the Centrale server: the message waits until one is (centrale-server serve --smtp).</source>
        <translation>Er is geen mailserver ingesteld op de Centrale-server: het bericht wacht tot er een is (centrale-server serve --smtp).</translation>
    </message>
    <message>
        <source>No SMS gateway is configured on the Centrale server: the message waits until one is (centrale-server serve --sms-gateway).</source>
        <translation>Er is geen sms-gateway ingesteld op de Centrale-server: het bericht wacht tot er een is (centrale-server serve --sms-gateway).</translation>
    </message>
    <message numerus="yes">
        <source>The mail server could not take the message after %n attempt(s) (%1): check the server&apos;s mail settings, then send the message again.</source>
        <translation>
            <numerusform>De mailserver kon het bericht na %n poging niet aannemen (%1): controleer de mailinstellingen van de server en verstuur het bericht opnieuw.</numerusform>
            <numerusform>De mailserver kon het bericht na %n pogingen niet aannemen (%1): controleer de mailinstellingen van de server en verstuur het bericht opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail server cannot take the message for now (%1); another attempt is planned.</source>
        <translation>De mailserver kan het bericht nu niet aannemen (%1); er volgt een nieuwe poging.</translation>
    </message>
    <message numerus="yes">
        <source>The SMS gateway could not take the message after %n attempt(s) (%1): check the server&apos;s SMS settings, then send the message again.</source>
        <translation>
            <numerusform>De sms-gateway kon het bericht na %n poging niet aannemen (%1): controleer de sms-instellingen van de server en verstuur het bericht opnieuw.</numerusform>
            <numerusform>De sms-gateway kon het bericht na %n pogingen niet aannemen (%1): controleer de sms-instellingen van de server en verstuur het bericht opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SMS gateway cannot take the message for now (%1); another attempt is planned.</source>
        <translation>De sms-gateway kan het bericht nu niet aannemen (%1); er volgt een nieuwe poging.</translation>
    </message>
    <message>
        <source>The message was refused (%1): check the user&apos;s e-mail address or mobile number, then send it again.</source>
        <translation>Het bericht werd geweigerd (%1): controleer het e-mailadres of gsm-nummer van de gebruiker en verstuur het opnieuw.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid: correct it, then send the message again.</source>
        <translation>Het e-mailadres is niet geldig: verbeter het en verstuur het bericht opnieuw.</translation>
    </message>
    <message>
        <source>The mobile number is not valid: correct it, then send the message again.</source>
        <translation>Het gsm-nummer is niet geldig: verbeter het en verstuur het bericht opnieuw.</translation>
    </message>
    <message>
        <source>The code expired before the message could be sent: send the message again.</source>
        <translation>De code is verlopen voor het bericht kon worden verstuurd: verstuur het bericht opnieuw.</translation>
    </message>
    <message>
        <source>pinHash must be an Argon2id hash.</source>
        <translation>pinHash moet een Argon2id-hash zijn.</translation>
    </message>
    <message>
        <source>passwordHash must be an Argon2id hash.</source>
        <translation>passwordHash moet een Argon2id-hash zijn.</translation>
    </message>
</context>
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
    <name>BulkCommands</name>
    <message>
        <source>Check the file and print what would change; write nothing.</source>
        <translation>Controleert het bestand en toont wat er zou veranderen; schrijft niets.</translation>
    </message>
    <message>
        <source>Import the valid rows even when some rows are rejected (those are skipped).</source>
        <translation>Importeert de geldige rijen ook als sommige rijen geweigerd worden (die worden overgeslagen).</translation>
    </message>
    <message>
        <source>Separate the columns with commas (default: semicolons, as Excel in Belgium).</source>
        <translation>Scheidt de kolommen met komma&apos;s (standaard: puntkomma&apos;s, zoals Excel in België).</translation>
    </message>
    <message>
        <source>Only the contacts of one level: organisation, group or user.</source>
        <translation>Alleen de contacten van één niveau: organisation, group of user.</translation>
    </message>
    <message>
        <source>level</source>
        <extracomment>placeholder of --scope: organisation, group or user</extracomment>
        <translation>niveau</translation>
    </message>
    <message>
        <source>With --scope group or user: the group&apos;s name or the username.</source>
        <translation>Met --scope group of user: de naam van de groep of de gebruikersnaam.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>Columns not understood (ignored): %1</source>
        <translation>Niet herkende kolommen (genegeerd): %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Een bestand importeren.</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8; comma or semicolon).</source>
        <translation>Het CSV-bestand (UTF-8; komma of puntkomma).</translation>
    </message>
    <message>
        <source>Give exactly one CSV file.</source>
        <translation>Geef precies één CSV-bestand op.</translation>
    </message>
    <message>
        <source>Skipped the rejected rows on lines %1.</source>
        <translation>Geweigerde rijen overgeslagen op regels %1.</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Geïmporteerd: %1 aangemaakt, %2 gewijzigd.</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Onbekende of ontbrekende actie.</translation>
    </message>
    <message>
        <source>Export every user, with groups and direct number, to a CSV file (UTF-8 with BOM, see docs/csv.md).</source>
        <translation>Exporteert alle gebruikers, met hun groepen en rechtstreeks nummer, naar een CSV-bestand (UTF-8 met BOM, zie docs/csv.md).</translation>
    </message>
    <message>
        <source>Export to a file.</source>
        <translation>Naar een bestand exporteren.</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>Het CSV-bestand dat geschreven wordt.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1.</source>
        <translation>
            <numerusform>%n gebruiker geëxporteerd naar %1.</numerusform>
            <numerusform>%n gebruikers geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts to a CSV file (UTF-8 with BOM, see docs/csv.md): all, or one level with --scope and --owner.</source>
        <translation>Exporteert contacten naar een CSV-bestand (UTF-8 met BOM, zie docs/csv.md): alle, of één niveau met --scope en --owner.</translation>
    </message>
    <message>
        <source>--owner needs --scope group or --scope user.</source>
        <translation>--owner vereist --scope group of --scope user.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>%n contact geëxporteerd naar %1.</numerusform>
            <numerusform>%n contacten geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import users from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Importeert gebruikers uit een CSV-bestand (zie docs/csv.md). Het bestand wordt eerst gecontroleerd; er wordt niets geschreven tenzij elke rij geldig is of --skip-rejected opgegeven is.</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Importeert contacten uit een CSV-bestand (zie docs/csv.md). Het bestand wordt eerst gecontroleerd; er wordt niets geschreven tenzij elke rij geldig is of --skip-rejected opgegeven is.</translation>
    </message>
    <message>
        <source>Checking the file: %1%</source>
        <translation>Bestand controleren: %1%</translation>
    </message>
    <message>
        <source>Importing: %1%</source>
        <translation>Importeren: %1%</translation>
    </message>
</context>
<context>
    <name>CalendarCommands</name>
    <message>
        <source>--%1: %2 is not a date and time; write it in ISO 8601, e.g. 2027-01-01T10:00:00 (local time) or 2027-03-29T08:45:00+02:00.</source>
        <translation>--%1: %2 is geen datum en tijd; schrijf ze in ISO 8601, bv. 2027-01-01T10:00:00 (lokale tijd) of 2027-03-29T08:45:00+02:00.</translation>
    </message>
    <message>
        <source>Show and change the calendar of a function number.</source>
        <translation>De kalender van een functienummer tonen en wijzigen.</translation>
    </message>
    <message>
        <source>The function number, in any usual format (e.g. &quot;02 300 00 00&quot;).</source>
        <translation>Het functienummer, in elk gebruikelijk formaat (bv. &quot;02 300 00 00&quot;).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <source>The instant to ask about (ISO 8601; default: now).</source>
        <translation>Het gevraagde tijdstip (ISO 8601; standaard: nu).</translation>
    </message>
    <message>
        <source>when</source>
        <translation>wanneer</translation>
    </message>
    <message>
        <source>Start of the period (ISO 8601).</source>
        <translation>Begin van de periode (ISO 8601).</translation>
    </message>
    <message>
        <source>End of the period (ISO 8601).</source>
        <translation>Einde van de periode (ISO 8601).</translation>
    </message>
    <message>
        <source>State of the imported events: open or closed (default: as in the file, else closed).</source>
        <translation>Status van de geïmporteerde gebeurtenissen: open of closed (gesloten) (standaard: zoals in het bestand, anders gesloten).</translation>
    </message>
    <message>
        <source>state</source>
        <translation>status</translation>
    </message>
    <message>
        <source>Name of the voice prompt the imported events play (default: as in the file).</source>
        <translation>Naam van het spraakbericht dat de geïmporteerde gebeurtenissen afspelen (standaard: zoals in het bestand).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>First year of holidays.</source>
        <translation>Eerste jaar van de feestdagen.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>jaar</translation>
    </message>
    <message>
        <source>Last year of holidays.</source>
        <translation>Laatste jaar van de feestdagen.</translation>
    </message>
    <message>
        <source>Also the communities&apos; holidays (11 July, 27 September, 15 November).</source>
        <translation>Ook de feestdagen van de gemeenschappen (11 juli, 27 september, 15 november).</translation>
    </message>
    <message>
        <source>default, events, state, transitions, import, export or holidays.</source>
        <translation>default, events, state, transitions, import, export of holidays.</translation>
    </message>
    <message>
        <source>Unknown or missing action; use one of: %1.</source>
        <translation>Onbekende of ontbrekende actie; gebruik er een van: %1.</translation>
    </message>
    <message>
        <source>Say which function number with --number, e.g. --number &quot;02 300 00 00&quot;.</source>
        <translation>Geef het functienummer op met --number, bv. --number &quot;02 300 00 00&quot;.</translation>
    </message>
    <message>
        <source>transitions needs --from and --to.</source>
        <translation>transitions vereist --from en --to.</translation>
    </message>
    <message>
        <source>--to must come after --from.</source>
        <translation>--to moet na --from komen.</translation>
    </message>
    <message>
        <source>import needs the .ics file to read, e.g. calendar import holidays.ics --number N.</source>
        <translation>import vereist het te lezen .ics-bestand, bv. calendar import holidays.ics --number N.</translation>
    </message>
    <message>
        <source>export needs the .ics file to write, e.g. calendar export --number N calendar.ics.</source>
        <translation>export vereist het te schrijven .ics-bestand, bv. calendar export --number N calendar.ics.</translation>
    </message>
    <message>
        <source>default needs open or closed.</source>
        <translation>default vereist open of closed.</translation>
    </message>
    <message>
        <source>holidays needs --from-year and --to-year.</source>
        <translation>holidays vereist --from-year en --to-year.</translation>
    </message>
    <message>
        <source>%1 (%2) is now %3 when no event applies.</source>
        <translation>%1 (%2) is nu &quot;%3&quot; wanneer geen enkele gebeurtenis van toepassing is.</translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>Column headers of &quot;calendar events&quot;; &quot;#&quot; is the priority (1 = first)</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Spraakbericht</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Herhaling</translation>
    </message>
    <message>
        <source>Default state: %1</source>
        <translation>Standaardstatus: %1</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: %4</source>
        <translation>%1 (%2) op %3: %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Spraakbericht: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>Bepaald door: %1</translation>
    </message>
    <message>
        <source>the default state</source>
        <translation>de standaardstatus</translation>
    </message>
    <message>
        <source>(default state)</source>
        <translation>(standaardstatus)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Bepaald door</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Het bestand %1 bestaat niet.</translation>
    </message>
    <message>
        <source>Imported into %1 (%2): %3</source>
        <translation>Geïmporteerd in %1 (%2): %3</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Overgeslagen: %1</translation>
    </message>
    <message>
        <source>Exported the calendar of %1 (%2 events) to %3.</source>
        <translation>Kalender van %1 (%2 gebeurtenissen) geëxporteerd naar %3.</translation>
    </message>
    <message>
        <source>Give years between 1900 and 2200, --from-year not after --to-year, at most 100 years at once (got %1 to %2).</source>
        <translation>Geef jaren tussen 1900 en 2200, --from-year niet na --to-year, hoogstens 100 jaar tegelijk (gekregen: %1 tot %2).</translation>
    </message>
    <message>
        <source>Added %1 holidays (%2 to %3) at the top of the calendar of %4.</source>
        <translation>%1 feestdagen (%2 tot %3) bovenaan de kalender van %4 toegevoegd.</translation>
    </message>
    <message>
        <source>Create a function number.</source>
        <translation>Een functienummer aanmaken.</translation>
    </message>
    <message>
        <source>Its name, e.g. Reception.</source>
        <translation>De naam ervan, bv. Onthaal.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>add NUMBER: the number, in any usual format.</source>
        <translation>add NUMMER: het nummer, in elk gebruikelijk formaat.</translation>
    </message>
    <message>
        <source>Usage: functions add NUMBER --name TEXT</source>
        <translation>Gebruik: functions add NUMMER --name TEKST</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2), taken from the pool.</source>
        <translation>Functienummer %1 (%2) aangemaakt, uit de pool genomen.</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2).</source>
        <translation>Functienummer %1 (%2) aangemaakt.</translation>
    </message>
</context>
<context>
    <name>CallInstructions</name>
    <message>
        <source>The spoken instruction %1 cannot be used: %2</source>
        <translation>De gesproken instructie %1 is onbruikbaar: %2</translation>
    </message>
    <message>
        <source>The folder of spoken instructions %1 does not exist.</source>
        <translation>De map met gesproken instructies %1 bestaat niet.</translation>
    </message>
    <message>
        <source>The spoken instruction %1 is missing: the folder needs fr.wav, nl.wav and en.wav.</source>
        <translation>De gesproken instructie %1 ontbreekt: de map moet fr.wav, nl.wav en en.wav bevatten.</translation>
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
        <translation>Gebruik: centrale-cli [--store PAD] [--json] OPDRACHT [OPTIES]

Opdrachten:
  demo [--users N]              maakt de demo-organisatie domaincustomer.be aan in een nieuwe database
  users list [--filter TEKST]   toont de gebruikers (gesorteerd op familienaam)
  groups list                   toont de gebruikersgroepen
  contacts list [--user NAAM]   toont de contacten; met --user de contacten die die gebruiker ziet en waar elk contact vandaan komt
  numbers list [--free]         toont de pool van rechtstreekse nummers
  users import BESTAND.csv      importeert gebruikers uit CSV (--dry-run, --skip-rejected; zie docs/csv.md)
  users export BESTAND.csv      exporteert gebruikers naar CSV (puntkomma&apos;s; --comma)
  contacts import BESTAND.csv   importeert contacten uit CSV (--dry-run, --skip-rejected)
  contacts export BESTAND.csv   exporteert contacten naar CSV (--comma, --scope NIVEAU --owner NAAM)
  functions list                toont de functienummers
  functions add NUMMER --name TEKST   maakt een functienummer aan (uit de pool als het daarin staat en vrij is)
  calendar default --number N open|closed   de status wanneer geen enkele gebeurtenis van toepassing is
  calendar events --number N    toont de gebeurtenissen van een functienummer in volgorde van prioriteit
  calendar state --number N [--at ISO8601]   status, spraakbericht en beslissende gebeurtenis (standaard: nu)
  calendar transitions --number N --from ISO8601 --to ISO8601   wanneer de status verandert
  calendar import BESTAND.ics --number N [--state open|closed] [--prompt NAAM]   importeert gebeurtenissen (toont wat overgeslagen is en waarom)
  calendar export --number N UIT.ics   exporteert de kalender naar iCalendar
  calendar holidays --from-year J --to-year J [--communities] --number N   voegt de Belgische feestdagen bovenaan toe
  prompt convert IN UIT         zet een audiobestand om naar een spraakbericht (WAV, A-law, 8000 Hz, mono)
  prompt import BESTAND         slaat een bestand op als nieuw spraakbericht (--name, --description)
  prompt list                   toont de spraakberichten en de kalendergebeurtenissen die ze gebruiken
  prompt export NAAM UIT        schrijft de audio van een spraakbericht naar een WAV-bestand
  prompt delete NAAM            verwijdert een spraakbericht dat door geen enkele kalendergebeurtenis gebruikt wordt
  phones list|add|key|keys|render|reload|template   SIP-toestellen, hun toetsen, toetsensjablonen en provisioningbestanden (phones --help)

Opties:
  --store PAD    het databasebestand (standaard: %1)
  --json         toont de lijsten als JSON
  --help         toont de hulp bij een opdracht
  --version      toont de versie

Afsluitcodes: 0 gelukt, 1 de aanvraag is mislukt, 2 foute opdrachtregel, 3 de database kan niet geopend of geschreven worden.
</translation>
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
    <name>ContactCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>De rij heeft %1 velden maar de kopregel benoemt %2 kolommen; controleer de scheidingstekens en aanhalingstekens.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>Er is geen gebruikersgroep %1; maak ze eerst aan of verbeter de naam.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Er is geen gebruiker %1.</translation>
    </message>
    <message>
        <source>An organisation contact has no owner; leave the owner column empty.</source>
        <translation>Een contact van de organisatie heeft geen eigenaar; laat de kolom owner leeg.</translation>
    </message>
    <message>
        <source>The same contact is already on line %1 of the file.</source>
        <translation>Hetzelfde contact staat al op regel %1 van het bestand.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n rij van het bestand is geweigerd; er werd niets geïmporteerd. Verbeter ze, of importeer de andere rijen en sla deze over.</numerusform>
            <numerusform>%n rijen van het bestand zijn geweigerd; er werd niets geïmporteerd. Verbeter ze, of importeer de andere rijen en sla deze over.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Regel %1: %2 Er werd niets geïmporteerd.</translation>
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
    <name>CopyCalendarCommand</name>
    <message numerus="yes">
        <source>Copy calendar to %n function number(s)</source>
        <translation>
            <numerusform>Kalender naar %n functienummer kopiëren</numerusform>
            <numerusform>Kalender naar %n functienummers kopiëren</numerusform>
        </translation>
    </message>
    <message>
        <source>The calendar was not copied to %1: %2</source>
        <extracomment>%1 is a function number&apos;s name, %2 the reason</extracomment>
        <translation>De kalender is niet naar %1 gekopieerd: %2</translation>
    </message>
</context>
<context>
    <name>CsvTable</name>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>Het bestand is leeg: de eerste regel moet de kolommen benoemen.</translation>
    </message>
    <message>
        <source>Line %1 is not UTF-8 text. Save the file as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Regel %1 is geen UTF-8-tekst. Sla het bestand op als &quot;CSV UTF-8&quot; en importeer het opnieuw.</translation>
    </message>
    <message>
        <source>Cannot read the file: out of memory.</source>
        <translation>Kan het bestand niet lezen: onvoldoende geheugen.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: %2. Check the quotes around that field.</source>
        <translation>Regel %1 kan niet gelezen worden: %2. Controleer de aanhalingstekens rond dat veld.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: a quoted field is not closed.</source>
        <translation>Regel %1 kan niet gelezen worden: een veld tussen aanhalingstekens is niet afgesloten.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Kan %1 niet openen: %2</translation>
    </message>
    <message>
        <source>The file has no column %1; the first line must name the columns (%2).</source>
        <translation>Het bestand heeft geen kolom %1; de eerste regel moet de kolommen benoemen (%2).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
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
    <name>DefaultStateCommand</name>
    <message>
        <source>Open by default</source>
        <translation>Standaard open</translation>
    </message>
    <message>
        <source>Closed by default</source>
        <translation>Standaard gesloten</translation>
    </message>
</context>
<context>
    <name>DeleteEventCommand</name>
    <message>
        <source>Delete event “%1”</source>
        <translation>Gebeurtenis ‘%1’ verwijderen</translation>
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
    <name>DuplicateEventCommand</name>
    <message>
        <source>Duplicate event “%1”</source>
        <translation>Gebeurtenis ‘%1’ dupliceren</translation>
    </message>
</context>
<context>
    <name>EditEventCommand</name>
    <message>
        <source>Edit event “%1”</source>
        <translation>Gebeurtenis ‘%1’ bewerken</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>The domain of an organisation cannot change.</source>
        <translation>Het domein van een organisatie kan niet veranderen.</translation>
    </message>
    <message>
        <source>Unknown time zone %1.</source>
        <translation>Onbekende tijdzone %1.</translation>
    </message>
    <message>
        <source>The audio lasts %1 ms; a prompt lasts at least half a second.</source>
        <translation>De audio duurt %1 ms; een spraakbericht duurt minstens een halve seconde.</translation>
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
    <name>IcsCalendar</name>
    <message>
        <source>A task (VTODO) is not a calendar event.</source>
        <translation>Een taak (VTODO) is geen kalendergebeurtenis.</translation>
    </message>
    <message>
        <source>A journal entry (VJOURNAL) is not a calendar event.</source>
        <translation>Een journaalnotitie (VJOURNAL) is geen kalendergebeurtenis.</translation>
    </message>
    <message>
        <source>A %1 component is not a calendar event.</source>
        <translation>Een %1-onderdeel is geen kalendergebeurtenis.</translation>
    </message>
    <message>
        <source>The date %1 does not exist.</source>
        <translation>De datum %1 bestaat niet.</translation>
    </message>
    <message>
        <source>The time %1 does not exist.</source>
        <translation>Het tijdstip %1 bestaat niet.</translation>
    </message>
    <message>
        <source>The time zone %1 is not defined in the file and is not known.</source>
        <translation>De tijdzone %1 is niet gedefinieerd in het bestand en is niet bekend.</translation>
    </message>
    <message>
        <source>The event is cancelled.</source>
        <translation>De gebeurtenis is geannuleerd.</translation>
    </message>
    <message>
        <source>The event has no start (DTSTART).</source>
        <translation>De gebeurtenis heeft geen begin (DTSTART).</translation>
    </message>
    <message>
        <source>The event repeats on a list of dates (RDATE), which calendars here cannot express; use a rule (RRULE) instead.</source>
        <translation>De gebeurtenis herhaalt zich op een lijst van datums (RDATE), wat de kalenders hier niet kunnen uitdrukken; gebruik in de plaats een regel (RRULE).</translation>
    </message>
    <message>
        <source>The event has several recurrence rules; only one is supported.</source>
        <translation>De gebeurtenis heeft meerdere herhalingsregels; er wordt er maar één ondersteund.</translation>
    </message>
    <message>
        <source>Imported event</source>
        <translation>Geïmporteerde gebeurtenis</translation>
    </message>
    <message>
        <source>The event has no end (DTEND or DURATION).</source>
        <translation>De gebeurtenis heeft geen einde (DTEND of DURATION).</translation>
    </message>
    <message>
        <source>The event repeats every second or minute; repeat it hourly, daily, weekly, monthly or yearly.</source>
        <translation>De gebeurtenis herhaalt zich elke seconde of elke minuut; herhaal ze elk uur, dagelijks, wekelijks, maandelijks of jaarlijks.</translation>
    </message>
    <message>
        <source>The voice prompt &quot;%1&quot; of &quot;%2&quot; does not exist; the event was imported without a prompt.</source>
        <translation>Het spraakbericht &quot;%1&quot; van &quot;%2&quot; bestaat niet; de gebeurtenis is zonder spraakbericht geïmporteerd.</translation>
    </message>
    <message>
        <source>The organisation&apos;s time zone is not known.</source>
        <translation>De tijdzone van de organisatie is onbekend.</translation>
    </message>
    <message>
        <source>This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.</source>
        <translation>Dit is geen iCalendar-bestand (.ics): het begint niet met BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The calendar file is damaged at line %1 (&quot;%2&quot;): libical cannot read it. Correct that line or export the calendar again.</source>
        <translation>Het kalenderbestand is beschadigd op regel %1 (&quot;%2&quot;): libical kan die niet lezen. Verbeter die regel of exporteer de kalender opnieuw.</translation>
    </message>
    <message>
        <source>The calendar file stops at line %1 before END:VCALENDAR: it is incomplete. Export the calendar again.</source>
        <translation>Het kalenderbestand stopt op regel %1 vóór END:VCALENDAR: het is onvolledig. Exporteer de kalender opnieuw.</translation>
    </message>
    <message>
        <source>The file&apos;s default state (%1) was not applied because the calendar already had events.</source>
        <translation>De standaardstatus uit het bestand (%1) is niet toegepast, omdat de kalender al gebeurtenissen had.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Kan %1 niet lezen: %2.</translation>
    </message>
    <message>
        <source>libical does not know the time zone %1.</source>
        <translation>libical kent de tijdzone %1 niet.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Kan %1 niet schrijven: %2.</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>To create: %1, to update: %2, unchanged: %3, rejected: %4.</source>
        <translation>Aan te maken: %1, te wijzigen: %2, ongewijzigd: %3, geweigerd: %4.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>De import is geannuleerd; er is niets geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The field %1 must be text.</source>
        <translation>Het veld %1 moet tekst zijn.</translation>
    </message>
    <message>
        <source>The field %1 must be an object.</source>
        <translation>Het veld %1 moet een object zijn.</translation>
    </message>
    <message>
        <source>The field %1 has an unknown value: %2.</source>
        <translation>Het veld %1 heeft een onbekende waarde: %2.</translation>
    </message>
    <message>
        <source>The field %1 cannot be empty.</source>
        <translation>Het veld %1 mag niet leeg zijn.</translation>
    </message>
    <message>
        <source>The field %1 cannot be negative.</source>
        <translation>Het veld %1 mag niet negatief zijn.</translation>
    </message>
    <message>
        <source>The field %1 is required.</source>
        <translation>Het veld %1 is verplicht.</translation>
    </message>
    <message>
        <source>The field %1 must be a whole number.</source>
        <translation>Het veld %1 moet een geheel getal zijn.</translation>
    </message>
    <message>
        <source>The field %1 is out of range.</source>
        <translation>De waarde van het veld %1 valt buiten het toegestane bereik.</translation>
    </message>
    <message>
        <source>The field %1 must be a number.</source>
        <translation>Het veld %1 moet een getal zijn.</translation>
    </message>
    <message>
        <source>The field %1 must be true or false.</source>
        <translation>Het veld %1 moet true of false zijn.</translation>
    </message>
    <message>
        <source>The field %1 must be a list.</source>
        <translation>Het veld %1 moet een lijst zijn.</translation>
    </message>
    <message>
        <source>The field %1 must be data in base64.</source>
        <translation>Het veld %1 moet gegevens in base64 bevatten.</translation>
    </message>
    <message>
        <source>The field %1 must be a date and time such as 2027-01-01T08:30:00.</source>
        <translation>Het veld %1 moet een datum en tijd zijn, bijvoorbeeld 2027-01-01T08:30:00.</translation>
    </message>
</context>
<context>
    <name>KeyTemplate</name>
    <message>
        <source>Template name</source>
        <translation>Naam van het sjabloon</translation>
    </message>
    <message>
        <source>Key %1 does not exist; a template has keys 1 to %2.</source>
        <translation>Toets %1 bestaat niet; een sjabloon heeft toetsen 1 tot %2.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>Toets %1 is twee keer geprogrammeerd.</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <extracomment>where an inherited key comes from: %1 template name, %2 group name</extracomment>
        <translation>%1 (groep %2)</translation>
    </message>
</context>
<context>
    <name>KeyTemplateRepository</name>
    <message>
        <source>The template is attached to a user group that does not exist.</source>
        <translation>Het sjabloon is gekoppeld aan een gebruikersgroep die niet bestaat.</translation>
    </message>
    <message>
        <source>Key %1 calls a user who does not exist.</source>
        <translation>Toets %1 belt een gebruiker die niet bestaat.</translation>
    </message>
    <message>
        <source>A key template named %1 already exists.</source>
        <translation>Er bestaat al een toetsensjabloon met de naam %1.</translation>
    </message>
    <message>
        <source>No such key template.</source>
        <translation>Dit toetsensjabloon bestaat niet.</translation>
    </message>
    <message>
        <source>There is no key template named %1.</source>
        <translation>Er is geen toetsensjabloon met de naam %1.</translation>
    </message>
    <message>
        <source>The key template %1 is not attached to that group.</source>
        <translation>Het toetsensjabloon %1 is niet aan die groep gekoppeld.</translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message>
        <source>The system keychain could not be read: %1</source>
        <translation>De sleutelhanger van het systeem kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The session could not be kept in the system keychain: %1</source>
        <translation>De sessie kon niet in de sleutelhanger van het systeem worden bewaard: %1</translation>
    </message>
    <message>
        <source>The session could not be removed from the system keychain: %1</source>
        <translation>De sessie kon niet uit de sleutelhanger van het systeem worden verwijderd: %1</translation>
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
Berichten:
  welcome GEBRUIKER... [--web] [--mobile] [--softphone] [--delivery auto|email|sms]
                                stuurt elke gebruiker een welkomstbericht per toegang, per e-mail of sms, via de server
  password-reset --server URL IDENTIFICATIE  stuurt een code om een nieuw wachtwoord te kiezen (gebruikersnaam of gsm-nummer)
  password-reset --server URL --code CODE  kiest het nieuwe wachtwoord met de code (gelezen van standaardinvoer)
</translation>
    </message>
    <message>
        <source>Asks the server to send each user a welcome message per chosen access: how to sign in or install, the username and a one-time code to choose a password (never a password). Needs a store logged in to its server.</source>
        <translation>Vraagt de server elke gebruiker een welkomstbericht per gekozen toegang te sturen: hoe aan te melden of te installeren, de gebruikersnaam en een eenmalige code om een wachtwoord te kiezen (nooit een wachtwoord). Vereist een database die bij haar server is aangemeld.</translation>
    </message>
    <message>
        <source>The web portal.</source>
        <translation>Het webportaal.</translation>
    </message>
    <message>
        <source>The mobile app.</source>
        <translation>De mobiele app.</translation>
    </message>
    <message>
        <source>The PC softphone.</source>
        <translation>De softphone voor pc.</translation>
    </message>
    <message>
        <source>auto (default: SMS for the mobile app when there is a mobile number, else e-mail), email or sms.</source>
        <translation>auto (standaard: sms voor de mobiele app als er een gsm-nummer is, anders e-mail), email of sms.</translation>
    </message>
    <message>
        <source>how</source>
        <translation>hoe</translation>
    </message>
    <message>
        <source>The users, by username (name@domain).</source>
        <translation>De gebruikers, op gebruikersnaam (naam@domein).</translation>
    </message>
    <message>
        <source>USERNAME...</source>
        <translation>GEBRUIKER...</translation>
    </message>
    <message>
        <source>welcome needs one or more usernames and at least one of --web, --mobile and --softphone.</source>
        <translation>welcome vraagt een of meer gebruikersnamen en minstens een van --web, --mobile en --softphone.</translation>
    </message>
    <message>
        <source>--delivery takes auto, email or sms.</source>
        <translation>--delivery neemt auto, email of sms.</translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>Deze database is niet met een server verbonden. Meld u eerst aan: centrale-cli login --server URL --user NAAM</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Er is geen sessie voor %1 op %2: meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>De server weigerde: %1 Meld u opnieuw aan met centrale-cli login.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>verstuurd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in wachtrij</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>sms</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Toegang</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Forgot password: sends a one-time code to the e-mail address or mobile number registered for a username or mobile number (the answer is the same whether or not the account exists); with --code, sets the new password, read from the terminal without echo, or from standard input.</source>
        <translation>Wachtwoord vergeten: stuurt een eenmalige code naar het e-mailadres of gsm-nummer dat geregistreerd is voor een gebruikersnaam of gsm-nummer (het antwoord is hetzelfde, of de account nu bestaat of niet); met --code stelt het het nieuwe wachtwoord in, gelezen van de terminal zonder echo, of van standaardinvoer.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443 (default: the store&apos;s server).</source>
        <translation>Het adres van de server, bijvoorbeeld https://centrale.example.be:8443 (standaard: de server van de database).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The code received, to choose the new password.</source>
        <translation>De ontvangen code, om het nieuwe wachtwoord te kiezen.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>The username (name@domain) or the registered mobile number (+324...).</source>
        <translation>De gebruikersnaam (naam@domein) of het geregistreerde gsm-nummer (+324...).</translation>
    </message>
    <message>
        <source>IDENTIFIER</source>
        <translation>IDENTIFICATIE</translation>
    </message>
    <message>
        <source>password-reset needs --server URL (or a store connected to a server).</source>
        <translation>password-reset vraagt --server URL (of een database die met een server verbonden is).</translation>
    </message>
    <message>
        <source>With --code, give no username: the code says whose password it is.</source>
        <translation>Geef met --code geen gebruikersnaam: de code zegt van wie het wachtwoord is.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nieuw wachtwoord: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Er werd geen wachtwoord gegeven.</translation>
    </message>
    <message>
        <source>The new password is set. Log in with it; the other sessions of this account were closed.</source>
        <translation>Het nieuwe wachtwoord is ingesteld. Meld u ermee aan; de andere sessies van deze account werden gesloten.</translation>
    </message>
    <message>
        <source>password-reset needs a username or a mobile number, or --code CODE.</source>
        <translation>password-reset vraagt een gebruikersnaam of een gsm-nummer, of --code CODE.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number. Then run: centrale-cli password-reset --server %1 --code CODE</source>
        <translation>Als deze account bestaat, werd een code om een nieuw wachtwoord te kiezen naar zijn e-mailadres of gsm-nummer gestuurd. Voer daarna uit: centrale-cli password-reset --server %1 --code CODE</translation>
    </message>
</context>
<context>
    <name>MessageDelivery</name>
    <message>
        <source>e-mail through %1 from %2</source>
        <translation>e-mail via %1 van %2</translation>
    </message>
    <message>
        <source>no mail server configured (e-mail waits in the queue)</source>
        <translation>geen mailserver ingesteld (e-mails wachten in de wachtrij)</translation>
    </message>
    <message>
        <source>SMS through %1</source>
        <translation>sms via %1</translation>
    </message>
    <message>
        <source>no SMS gateway configured (SMS wait in the queue)</source>
        <translation>geen sms-gateway ingesteld (sms&apos;en wachten in de wachtrij)</translation>
    </message>
    <message>
        <source>Messages: %1; %2.</source>
        <translation>Berichten: %1; %2.</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>Hello %1,</source>
        <translation>Hallo %1,</translation>
    </message>
    <message>
        <source>To choose your password, open this link: %1</source>
        <translation>Open deze link om uw wachtwoord te kiezen: %1</translation>
    </message>
    <message>
        <source>Your one-time code: %1</source>
        <translation>Uw eenmalige code: %1</translation>
    </message>
    <message>
        <source>It can be used once and expires on %1.</source>
        <translation>Hij kan één keer worden gebruikt en vervalt op %1.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password</source>
        <translation>%1: uw code om een nieuw wachtwoord te kiezen</translation>
    </message>
    <message>
        <source>A new password was requested for your %1 account %2.</source>
        <translation>Er werd een nieuw wachtwoord aangevraagd voor uw %1-account %2.</translation>
    </message>
    <message>
        <source>If you did not ask for it, ignore this message: your password does not change.</source>
        <translation>Hebt u dit niet gevraagd, negeer dan dit bericht: uw wachtwoord verandert niet.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password is %2, valid until %3. If you did not ask for it, ignore this message.</source>
        <translation>%1: uw code om een nieuw wachtwoord te kiezen is %2, geldig tot %3. Hebt u dit niet gevraagd, negeer dan dit bericht.</translation>
    </message>
    <message>
        <source>%1: set up the mobile telephony app</source>
        <translation>%1: stel de mobiele telefonie-app in</translation>
    </message>
    <message>
        <source>%1 has opened your access to its mobile telephony app: your business number on your smartphone.</source>
        <translation>%1 heeft u toegang gegeven tot zijn mobiele telefonie-app: uw zakelijke nummer op uw smartphone.</translation>
    </message>
    <message>
        <source>Your administrator will tell you which app to install on your smartphone.</source>
        <translation>Uw beheerder zegt u welke app u op uw smartphone installeert.</translation>
    </message>
    <message>
        <source>Download the app on your smartphone: %1</source>
        <translation>Download de app op uw smartphone: %1</translation>
    </message>
    <message>
        <source>Open the app, sign in with your username and choose your password with the code below.</source>
        <translation>Open de app, meld u aan met uw gebruikersnaam en kies uw wachtwoord met de code hieronder.</translation>
    </message>
    <message>
        <source>mobile app</source>
        <translation>mobiele app</translation>
    </message>
    <message>
        <source>%1: install the PC softphone</source>
        <translation>%1: installeer de softphone op uw pc</translation>
    </message>
    <message>
        <source>%1 has opened your access to its softphone: your business number on your computer.</source>
        <translation>%1 heeft u toegang gegeven tot zijn softphone: uw zakelijke nummer op uw computer.</translation>
    </message>
    <message>
        <source>Your administrator will tell you where to download the softphone.</source>
        <translation>Uw beheerder zegt u waar u de softphone downloadt.</translation>
    </message>
    <message>
        <source>Download the softphone for your computer: %1</source>
        <translation>Download de softphone voor uw computer: %1</translation>
    </message>
    <message>
        <source>Install it, sign in with your username and choose your password with the code below.</source>
        <translation>Installeer hem, meld u aan met uw gebruikersnaam en kies uw wachtwoord met de code hieronder.</translation>
    </message>
    <message>
        <source>PC softphone</source>
        <translation>softphone voor pc</translation>
    </message>
    <message>
        <source>%1: your access to the telephony web portal</source>
        <translation>%1: uw toegang tot het telefonie-webportaal</translation>
    </message>
    <message>
        <source>%1 has opened your access to its telephony web portal, where you manage your calls, voicemail and settings.</source>
        <translation>%1 heeft u toegang gegeven tot zijn telefonie-webportaal, waar u uw oproepen, voicemail en instellingen beheert.</translation>
    </message>
    <message>
        <source>Your administrator will tell you the portal&apos;s address.</source>
        <translation>Uw beheerder geeft u het adres van het portaal.</translation>
    </message>
    <message>
        <source>Sign in at %1</source>
        <translation>Meld u aan op %1</translation>
    </message>
    <message>
        <source>web portal</source>
        <translation>webportaal</translation>
    </message>
    <message>
        <source>Your username: %1</source>
        <translation>Uw gebruikersnaam: %1</translation>
    </message>
    <message>
        <source>%1 welcomes you to its telephony %2. Username: %3. Code to choose your password: %4, valid until %5.</source>
        <translation>%1 heet u welkom bij zijn telefonie: %2. Gebruikersnaam: %3. Code om uw wachtwoord te kiezen: %4, geldig tot %5.</translation>
    </message>
    <message>
        <source>Start here: %1</source>
        <translation>Begin hier: %1</translation>
    </message>
    <message>
        <source>For your security, nobody from %1 will ever ask you for your password.</source>
        <translation>Voor uw veiligheid: niemand van %1 zal u ooit om uw wachtwoord vragen.</translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move event up</source>
        <translation>Gebeurtenis omhoog</translation>
    </message>
    <message>
        <source>Move event down</source>
        <translation>Gebeurtenis omlaag</translation>
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
        <translation>Acties:
  phones list [--filter TEKST] [--json]
        SIP-toestellen tonen: MAC, model, gebruiker, label, adres, wachtende wijzigingen
  phones add MAC --model MODEL --owner GEBRUIKER [--address HOST[:POORT]] [--label TEKST] [--sip-user U --sip-password P]
        een toestel toevoegen
  phones key MAC INDEX (extension GEBRUIKER [--label TEKST] | number NUMMER --label TEKST | empty | inherit)
        één toets programmeren: het toestel van een collega, een extern nummer, uitdrukkelijk niets, of de toets van het sjabloon
  phones keys MAC [--json]
        alle toetsen van het toestel en waar ze vandaan komen
  phones render MAC [--out BESTAND]
        het provisioningbestand van het toestel tonen (of schrijven)
  phones reload (MAC | --all) [--provisioning-dir MAP]
        de provisioningbestanden schrijven en de toestellen vragen ze te herladen
  phones template list [--json]
  phones template create NAAM
  phones template key NAAM INDEX (extension GEBRUIKER [--label TEKST] | number NUMMER --label TEKST | empty | inherit)
  phones template attach NAAM --group GROEP
  phones template detach NAAM --group GROEP
  phones template delete NAAM
        toetsensjablonen: hun toetsen verschijnen op de toestellen van de groepsleden
</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Onbekende of ontbrekende actie.</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Onbekende actie %1.</translation>
    </message>
    <message>
        <source>A phone number key needs --label: the name the phone shows.</source>
        <translation>Een toets met een telefoonnummer heeft --label nodig: de naam die het toestel toont.</translation>
    </message>
    <message>
        <source>Say what the key does: extension USERNAME, number NUMBER --label TEXT, empty or inherit.</source>
        <translation>Zeg wat de toets doet: extension GEBRUIKER, number NUMMER --label TEKST, empty of inherit.</translation>
    </message>
    <message>
        <source>List SIP phones.</source>
        <translation>SIP-toestellen tonen.</translation>
    </message>
    <message>
        <source>Only phones whose MAC, model, label or owner contains the text.</source>
        <translation>Alleen toestellen waarvan MAC, model, label of gebruiker de tekst bevat.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>List phones.</source>
        <translation>Toestellen tonen.</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>wijzigingen wachten</translation>
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
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>SIP-adres</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Add a SIP phone.</source>
        <translation>Een SIP-toestel toevoegen.</translation>
    </message>
    <message>
        <source>The phone&apos;s model: %1.</source>
        <translation>Het model van het toestel: %1.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>The user whose phone it is (username).</source>
        <translation>De gebruiker van het toestel (gebruikersnaam).</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruiker</translation>
    </message>
    <message>
        <source>Where the phone receives SIP requests: HOST[:PORT].</source>
        <translation>Waar het toestel SIP-verzoeken ontvangt: HOST[:POORT].</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>A name for the phone, e.g. Reception.</source>
        <translation>Een naam voor het toestel, bv. Onthaal.</translation>
    </message>
    <message>
        <source>The user name the phone challenges reload requests with.</source>
        <translation>De gebruikersnaam waarmee het toestel herlaadverzoeken controleert.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>gebruiker</translation>
    </message>
    <message>
        <source>Its password.</source>
        <translation>Het wachtwoord.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <source>Add a phone.</source>
        <translation>Een toestel toevoegen.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address.</source>
        <translation>Het MAC-adres van het toestel.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT]</source>
        <translation>Gebruik: centrale-cli phones add MAC --model MODEL --owner GEBRUIKER [--address HOST[:POORT]] [--label TEKST]</translation>
    </message>
    <message>
        <source>Added the %1 %2 of %3.</source>
        <translation>Toestel %1 %2 van %3 toegevoegd.</translation>
    </message>
    <message>
        <source>Program one key of a phone.</source>
        <translation>Eén toets van een toestel programmeren.</translation>
    </message>
    <message>
        <source>The name the phone shows for the key.</source>
        <translation>De naam die het toestel voor de toets toont.</translation>
    </message>
    <message>
        <source>Program a key.</source>
        <translation>Een toets programmeren.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (the template&apos;s key).</source>
        <translation>TYPE: extension GEBRUIKER, number NUMMER (met --label), empty, of inherit (de toets van het sjabloon).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones key MAC INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Gebruik: centrale-cli phones key MAC INDEX (extension GEBRUIKER | number NUMMER --label TEKST | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of %2 now follows the key templates.</source>
        <translation>Toets %1 van %2 volgt nu de toetsensjablonen.</translation>
    </message>
    <message>
        <source>Key %1 of %2 saved; the phone has changes waiting (phones reload %3).</source>
        <translation>Toets %1 van %2 opgeslagen; het toestel heeft wachtende wijzigingen (phones reload %3).</translation>
    </message>
    <message>
        <source>List every key of a phone and where it comes from.</source>
        <translation>Alle toetsen van een toestel tonen en waar ze vandaan komen.</translation>
    </message>
    <message>
        <source>List keys.</source>
        <translation>Toetsen tonen.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones keys MAC [--json]</source>
        <translation>Gebruik: centrale-cli phones keys MAC [--json]</translation>
    </message>
    <message>
        <source>this phone (instead of %1)</source>
        <extracomment>a phone&apos;s own key that hides the template&apos;s key; %1 the template name</extracomment>
        <translation>dit toestel (in plaats van %1)</translation>
    </message>
    <message>
        <source>this phone</source>
        <translation>dit toestel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Print or write a phone&apos;s provisioning file, in its vendor&apos;s format.</source>
        <translation>Het provisioningbestand van een toestel tonen of schrijven, in het formaat van de fabrikant.</translation>
    </message>
    <message>
        <source>Write the file here instead of printing it.</source>
        <translation>Het bestand hier schrijven in plaats van het te tonen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>Render the file.</source>
        <translation>Het bestand maken.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones render MAC [--out FILE]</source>
        <translation>Gebruik: centrale-cli phones render MAC [--out BESTAND]</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Kan niet naar de standaarduitvoer schrijven.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%2, %n bytes).</source>
        <translation>
            <numerusform>%1 geschreven (%2, %n byte).</numerusform>
            <numerusform>%1 geschreven (%2, %n bytes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the phones&apos; provisioning files and ask each phone to reload its settings.</source>
        <translation>De provisioningbestanden van de toestellen schrijven en elk toestel vragen zijn instellingen te herladen.</translation>
    </message>
    <message>
        <source>Every phone with changes waiting.</source>
        <translation>Alle toestellen met wachtende wijzigingen.</translation>
    </message>
    <message>
        <source>Where to write the provisioning files (default: the folder provisioning beside the store).</source>
        <translation>Waar de provisioningbestanden geschreven worden (standaard: de map provisioning naast de database).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>map</translation>
    </message>
    <message>
        <source>Reload phones.</source>
        <translation>Toestellen herladen.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address (or --all).</source>
        <translation>Het MAC-adres van het toestel (of --all).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones reload (MAC | --all)</source>
        <translation>Gebruik: centrale-cli phones reload (MAC | --all)</translation>
    </message>
    <message>
        <source>No phone has changes waiting.</source>
        <translation>Geen enkel toestel heeft wachtende wijzigingen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 MAC address, %2 reloaded / refused / no answer / changes waiting / failed, %3 why</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>List key templates and the groups they are attached to.</source>
        <translation>Toetsensjablonen tonen en de groepen waaraan ze gekoppeld zijn.</translation>
    </message>
    <message>
        <source>List templates.</source>
        <translation>Sjablonen tonen.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Create an empty key template.</source>
        <translation>Een leeg toetsensjabloon maken.</translation>
    </message>
    <message>
        <source>Create a template.</source>
        <translation>Een sjabloon maken.</translation>
    </message>
    <message>
        <source>The template&apos;s name.</source>
        <translation>De naam van het sjabloon.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template create NAME</source>
        <translation>Gebruik: centrale-cli phones template create NAAM</translation>
    </message>
    <message>
        <source>Created the key template %1.</source>
        <translation>Toetsensjabloon %1 gemaakt.</translation>
    </message>
    <message>
        <source>Program one key of a key template.</source>
        <translation>Eén toets van een toetsensjabloon programmeren.</translation>
    </message>
    <message>
        <source>The name the phones show for the key.</source>
        <translation>De naam die de toestellen voor de toets tonen.</translation>
    </message>
    <message>
        <source>Program a template key.</source>
        <translation>Een sjabloontoets programmeren.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (remove the key from the template).</source>
        <translation>TYPE: extension GEBRUIKER, number NUMMER (met --label), empty, of inherit (de toets uit het sjabloon halen).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template key NAME INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Gebruik: centrale-cli phones template key NAAM INDEX (extension GEBRUIKER | number NUMMER --label TEKST | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of the template %2 saved.</source>
        <translation>Toets %1 van het sjabloon %2 opgeslagen.</translation>
    </message>
    <message>
        <source>Attach a key template to a user group: its keys appear on the members&apos; phones.</source>
        <translation>Een toetsensjabloon aan een gebruikersgroep koppelen: de toetsen verschijnen op de toestellen van de leden.</translation>
    </message>
    <message>
        <source>Detach a key template from a user group.</source>
        <translation>Een toetsensjabloon loskoppelen van een gebruikersgroep.</translation>
    </message>
    <message>
        <source>The user group&apos;s name.</source>
        <translation>De naam van de gebruikersgroep.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groep</translation>
    </message>
    <message>
        <source>Attach or detach.</source>
        <translation>Koppelen of loskoppelen.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template %1 NAME --group GROUP</source>
        <translation>Gebruik: centrale-cli phones template %1 NAAM --group GROEP</translation>
    </message>
    <message>
        <source>The key template %1 now applies to the phones of the group %2.</source>
        <translation>Het toetsensjabloon %1 geldt nu voor de toestellen van de groep %2.</translation>
    </message>
    <message>
        <source>The key template %1 no longer applies to the group %2.</source>
        <translation>Het toetsensjabloon %1 geldt niet meer voor de groep %2.</translation>
    </message>
    <message>
        <source>Delete a key template; the members&apos; phones lose its keys.</source>
        <translation>Een toetsensjabloon verwijderen; de toestellen van de leden verliezen de toetsen.</translation>
    </message>
    <message>
        <source>Delete a template.</source>
        <translation>Een sjabloon verwijderen.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template delete NAME</source>
        <translation>Gebruik: centrale-cli phones template delete NAAM</translation>
    </message>
    <message>
        <source>Deleted the key template %1.</source>
        <translation>Toetsensjabloon %1 verwijderd.</translation>
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
    <name>PhoneProvisioning</name>
    <message>
        <source>Centrale cannot write provisioning files for the %1 yet (it knows %2).</source>
        <translation>Centrale kan nog geen provisioningbestanden schrijven voor de %1 (het kent %2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan de map %1 niet aanmaken.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>The phone %1 has no SIP address: its changes wait until it fetches its settings.</source>
        <translation>Het toestel %1 heeft geen SIP-adres: de wijzigingen wachten tot het zijn instellingen ophaalt.</translation>
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
    <message>
        <source>Phone %1: %2</source>
        <extracomment>%1 the phone&apos;s MAC address, %2 the reason</extracomment>
        <translation>Toestel %1: %2</translation>
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
    <name>Problem</name>
    <message>
        <source>Malformed JSON</source>
        <translation>Misvormde JSON</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON te diep genest</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ongeldig verzoek</translation>
    </message>
    <message>
        <source>Idempotency-Key required</source>
        <translation>Idempotency-Key vereist</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>Invalid credentials</source>
        <translation>Ongeldige aanmeldgegevens</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sessie verlopen</translation>
    </message>
    <message>
        <source>Administrator view needs the password again</source>
        <translation>De beheerdersweergave vraagt het wachtwoord opnieuw</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Verboden</translation>
    </message>
    <message>
        <source>Not an administrator</source>
        <translation>Geen beheerder</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode niet toegestaan</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dubbel</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In gebruik</translation>
    </message>
    <message>
        <source>Request still in progress</source>
        <translation>Verzoek nog bezig</translation>
    </message>
    <message>
        <source>Cursor expired</source>
        <translation>Cursor verlopen</translation>
    </message>
    <message>
        <source>Version mismatch</source>
        <translation>Versie achterhaald</translation>
    </message>
    <message>
        <source>Payload too large</source>
        <translation>Inhoud te groot</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Inhoudstype niet ondersteund</translation>
    </message>
    <message>
        <source>Validation failed</source>
        <translation>Validatie mislukt</translation>
    </message>
    <message>
        <source>Invalid audio</source>
        <translation>Ongeldige audio</translation>
    </message>
    <message>
        <source>Idempotency-Key reused</source>
        <translation>Idempotency-Key hergebruikt</translation>
    </message>
    <message>
        <source>Reset code invalid</source>
        <translation>Herstelcode ongeldig</translation>
    </message>
    <message>
        <source>If-Match required</source>
        <translation>If-Match vereist</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Te veel verzoeken</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Dienst niet beschikbaar</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interne fout</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Onbekende of ontbrekende actie.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>a duration in seconds, e.g. &quot;6.2 s&quot;</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Normalise the loudness (off by default), so that the organisation&apos;s prompts sound equally loud.</source>
        <translation>De luidheid normaliseren (standaard uit), zodat alle spraakberichten van de organisatie even luid klinken.</translation>
    </message>
    <message>
        <source>The loudness to normalise to (default -16; from -40 to -5).</source>
        <translation>De luidheid waarnaar genormaliseerd wordt (standaard -16; van -40 tot -5).</translation>
    </message>
    <message>
        <source>LUFS</source>
        <translation>LUFS</translation>
    </message>
    <message>
        <source>--target-lufs needs a number from -40 to -5, not %1.</source>
        <translation>--target-lufs verwacht een getal van -40 tot -5, niet %1.</translation>
    </message>
    <message>
        <source>--target-lufs only makes sense with --normalise.</source>
        <translation>--target-lufs heeft alleen zin met --normalise.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli prompt %1</source>
        <translation>Gebruik: centrale-cli prompt %1</translation>
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
        <translation>Acties:
  prompt convert IN UIT [--normalise [--target-lufs X]]
        zet een audiobestand om naar een spraakbericht (WAV, A-law, 8000 Hz, mono); zonder database
  prompt import --name NAAM --description TEKST [--normalise [--target-lufs X]] BESTAND
        zet een bestand om en slaat het op als nieuw spraakbericht
  prompt list [--json]
        toont de spraakberichten en de kalendergebeurtenissen die ze gebruiken
  prompt export NAAM UIT.wav
        schrijft de audio van een spraakbericht naar een bestand
  prompt delete NAAM
        verwijdert een spraakbericht dat door geen enkele kalendergebeurtenis gebruikt wordt
</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Onbekende actie %1.</translation>
    </message>
    <message>
        <source>Convert an audio file to a voice prompt: WAV, A-law, 8000 Hz, mono. No store is needed.</source>
        <translation>Een audiobestand omzetten naar een spraakbericht: WAV, A-law, 8000 Hz, mono. Er is geen database nodig.</translation>
    </message>
    <message>
        <source>Convert a file.</source>
        <translation>Een bestand omzetten.</translation>
    </message>
    <message>
        <source>The audio file to convert (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>Het om te zetten audiobestand (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>The prompt file to write; it appears whole or not at all.</source>
        <translation>Het te schrijven spraakberichtbestand; het wordt volledig of helemaal niet geschreven.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>Wrote %1: WAV, A-law, 8000 Hz, mono.</source>
        <translation>%1 geschreven: WAV, A-law, 8000 Hz, mono.</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Duur: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Bron: %1</translation>
    </message>
    <message>
        <source>Peak: %1, RMS: %2</source>
        <translation>Piek: %1, RMS: %2</translation>
    </message>
    <message>
        <source>Loudness normalised to %1 LUFS.</source>
        <translation>Luidheid genormaliseerd naar %1 LUFS.</translation>
    </message>
    <message>
        <source>Note: the source was compressed with a lossy codec; the prompt cannot sound better than it.</source>
        <translation>Opmerking: de bron is gecomprimeerd met verlies; het spraakbericht kan niet beter klinken dan de bron.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Waarschuwing: %1</translation>
    </message>
    <message>
        <source>Convert an audio file and store it as a new voice prompt.</source>
        <translation>Een audiobestand omzetten en opslaan als nieuw spraakbericht.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name (unique).</source>
        <translation>De naam van het spraakbericht (uniek).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>The exact text spoken in the prompt.</source>
        <translation>De exacte tekst die in het spraakbericht uitgesproken wordt.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Een bestand importeren.</translation>
    </message>
    <message>
        <source>The audio file to import (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>Het te importeren audiobestand (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>--name is required: the prompt&apos;s name.</source>
        <translation>--name is verplicht: de naam van het spraakbericht.</translation>
    </message>
    <message>
        <source>Imported %1 as the voice prompt %2 (%3).</source>
        <translation>%1 geïmporteerd als spraakbericht %2 (%3).</translation>
    </message>
    <message>
        <source>List voice prompts and the calendar events that use them.</source>
        <translation>De spraakberichten tonen en de kalendergebeurtenissen die ze gebruiken.</translation>
    </message>
    <message>
        <source>List voice prompts.</source>
        <translation>Spraakberichten tonen.</translation>
    </message>
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
        <source>Write a voice prompt&apos;s audio (WAV, A-law, 8000 Hz, mono) to a file.</source>
        <translation>De audio van een spraakbericht (WAV, A-law, 8000 Hz, mono) naar een bestand schrijven.</translation>
    </message>
    <message>
        <source>Export a prompt.</source>
        <translation>Een spraakbericht exporteren.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name.</source>
        <translation>De naam van het spraakbericht.</translation>
    </message>
    <message>
        <source>The WAV file to write.</source>
        <translation>Het te schrijven WAV-bestand.</translation>
    </message>
    <message>
        <source>Wrote the voice prompt %1 to %2.</source>
        <translation>Spraakbericht %1 geschreven naar %2.</translation>
    </message>
    <message>
        <source>Delete a voice prompt; refused while a calendar event uses it.</source>
        <translation>Een spraakbericht verwijderen; geweigerd zolang een kalendergebeurtenis het gebruikt.</translation>
    </message>
    <message>
        <source>Delete a prompt.</source>
        <translation>Een spraakbericht verwijderen.</translation>
    </message>
    <message>
        <source>Deleted the voice prompt %1.</source>
        <translation>Spraakbericht %1 verwijderd.</translation>
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
    <message numerus="yes">
        <source>%1 contains %n invalid sample(s) (infinite or not a number), replaced by silence.</source>
        <translation>
            <numerusform>%1 bevat %n ongeldige sample (oneindig of geen getal), vervangen door stilte.</numerusform>
            <numerusform>%1 bevat %n ongeldige samples (oneindig of geen getal), vervangen door stilte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptFileDialog</name>
    <message>
        <source>Audio files (%1)</source>
        <translation>Audiobestanden (%1)</translation>
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
    <name>Recurrence</name>
    <message>
        <source>On %1, all day</source>
        <extracomment>%1 is a date</extracomment>
        <translation>Op %1, de hele dag</translation>
    </message>
    <message>
        <source>From %1 to %2, all day</source>
        <extracomment>two dates</extracomment>
        <translation>Van %1 tot %2, de hele dag</translation>
    </message>
    <message>
        <source>On %1 from %2 to %3</source>
        <extracomment>%1 is a date, %2 and %3 times</extracomment>
        <translation>Op %1 van %2 tot %3</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <extracomment>two dates with their times</extracomment>
        <translation>Van %1 tot %2</translation>
    </message>
    <message>
        <source>Custom repeat rule: %1</source>
        <extracomment>%1 is an iCalendar RRULE</extracomment>
        <translation>Aangepaste herhalingsregel: %1</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Elke dag</translation>
    </message>
    <message>
        <source>Every weekday</source>
        <translation>Van maandag tot vrijdag</translation>
    </message>
    <message>
        <source>Every %1</source>
        <extracomment>%1 is a list of days of the week, e.g. &quot;Monday, Wednesday and Friday&quot;</extracomment>
        <translation>Elke %1</translation>
    </message>
    <message>
        <source>Every month on day %1</source>
        <extracomment>%1 is a day of the month (1 to 31)</extracomment>
        <translation>Elke maand op dag %1</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <extracomment>%1 is a day and month, e.g. &quot;1 January&quot;</extracomment>
        <translation>Elk jaar op %1</translation>
    </message>
    <message>
        <source>%1, all day</source>
        <extracomment>%1 says when an event repeats, e.g. &quot;Every year on 1 January&quot;</extracomment>
        <translation>%1, de hele dag</translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <translation>
            <numerusform>%1, gedurende %n dag</numerusform>
            <numerusform>%1, gedurende %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from %2 to %3 the next day</source>
        <extracomment>%1 says when an event repeats; the event ends the day after it starts</extracomment>
        <translation>%1 van %2 tot %3 de volgende dag</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <extracomment>%1 says when an event repeats, %2 and %3 are times</extracomment>
        <translation>%1 van %2 tot %3</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <extracomment>%1 is the summary so far, %2 a date</extracomment>
        <translation>%1, tot en met %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n time(s)</source>
        <translation>
            <numerusform>%1, %n keer</numerusform>
            <numerusform>%1, %n keer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, except on %2</source>
        <extracomment>%1 is the summary so far, %2 a list of dates</extracomment>
        <translation>%1, behalve op %2</translation>
    </message>
</context>
<context>
    <name>RestConnector</name>
    <message>
        <source>The server address must look like https://centrale.example.be:8443.</source>
        <translation>Het serveradres moet de vorm https://centrale.example.be:8443 hebben.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>De server %1 antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>Kan de server %1 niet bereiken: %2</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>De server antwoordde met status %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the login has no session.</source>
        <translation>Het antwoord van de server op de aanmelding bevat geen sessie.</translation>
    </message>
    <message>
        <source>The server answered a batch of %1 changes with %2 results.</source>
        <translation>De server antwoordde op een batch van %1 wijzigingen met %2 resultaten.</translation>
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
    <name>Secrets</name>
    <message>
        <source>The cryptographic library could not start.</source>
        <translation>De cryptografische bibliotheek kon niet starten.</translation>
    </message>
    <message>
        <source>There was not enough memory to protect the secret.</source>
        <translation>Er was niet genoeg geheugen om het geheim te beveiligen.</translation>
    </message>
</context>
<context>
    <name>ServerCommand</name>
    <message>
        <source>The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>De database: sqlite:PAD of postgresql://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE.</translation>
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
        <translation>Gebruik: centrale-server OPDRACHT [OPTIES]

De Centrale-server: de REST-API van docs/api/openapi.yaml op PostgreSQL of SQLite.

Opdrachten:
  serve --db URL --listen HOST:PORT [--cert FILE --key FILE]
      Biedt de API aan. --db is sqlite:PAD (één machine) of
      postgresql://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE (meerdere instanties kunnen ze delen).
      --listen is het adres en de poort, bijvoorbeeld 127.0.0.1:8443 of [::]:8443.
      Met --cert en --key (PEM-bestanden) spreekt de server alleen HTTPS.
  create-org DOMAIN --name TEXT [--language fr|nl|en] --db URL
      Maakt een organisatie aan, aangeduid met haar domein.
  create-admin USERNAME --org DOMAIN --db URL
      Maakt een beheerder van de organisatie aan (USERNAME is naam@DOMEIN), of maakt een
      bestaande gebruiker beheerder. Het wachtwoord wordt van de standaardinvoer gelezen.

Elke opdracht aanvaardt --help. Het databaseschema wordt bij het starten aangemaakt of bijgewerkt.
</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Onbekende opdracht %1.</translation>
    </message>
    <message>
        <source>Address and port to listen on (HOST:PORT).</source>
        <translation>Adres en poort om op te luisteren (HOST:POORT).</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>PEM-certificaat(keten) voor HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Persoonlijke PEM-sleutel voor HTTPS.</translation>
    </message>
    <message>
        <source>serve needs --db and --listen.</source>
        <translation>serve vraagt --db en --listen.</translation>
    </message>
    <message>
        <source>HTTPS needs both --cert and --key.</source>
        <translation>HTTPS vraagt zowel --cert als --key.</translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3), database %4.</source>
        <translation>Luistert op %1 poort %2 (%3), database %4.</translation>
    </message>
    <message>
        <source>Creates an organisation.</source>
        <translation>Maakt een organisatie aan.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name.</source>
        <translation>De naam van de organisatie.</translation>
    </message>
    <message>
        <source>Its language: fr, nl or en (default fr).</source>
        <translation>Haar taal: fr, nl of en (standaard fr).</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain, for example domaincustomer.be.</source>
        <translation>Het domein van de organisatie, bijvoorbeeld domaincustomer.be.</translation>
    </message>
    <message>
        <source>create-org needs DOMAIN, --name and --db.</source>
        <translation>create-org vraagt DOMEIN, --name en --db.</translation>
    </message>
    <message>
        <source>Organisation %1 created (id %2).</source>
        <translation>Organisatie %1 aangemaakt (id %2).</translation>
    </message>
    <message>
        <source>Creates an administrator; the password is read from standard input.</source>
        <translation>Maakt een beheerder aan; het wachtwoord wordt van de standaardinvoer gelezen.</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain.</source>
        <translation>Het domein van de organisatie.</translation>
    </message>
    <message>
        <source>name@domain</source>
        <translation>naam@domein</translation>
    </message>
    <message>
        <source>create-admin needs USERNAME, --org and --db.</source>
        <translation>create-admin vraagt GEBRUIKERSNAAM, --org en --db.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Wachtwoord: </translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>Er werd geen wachtwoord op de standaardinvoer gegeven.</translation>
    </message>
    <message>
        <source>Administrator %1 of %2 is ready (user id %3).</source>
        <translation>Beheerder %1 van %2 is klaar (gebruikers-id %3).</translation>
    </message>
    <message>
        <source>Seconds after which a silent connection is closed, keep-alive included (default 60).</source>
        <translation>Seconden waarna een stille verbinding wordt gesloten, keep-alive inbegrepen (standaard 60).</translation>
    </message>
    <message>
        <source>--idle-timeout takes a number of seconds from 0.1 to 3600.</source>
        <translation>--idle-timeout neemt een aantal seconden van 0,1 tot 3600.</translation>
    </message>
    <message>
        <source>How long the administrator view stays open after the password is given again (default 900).</source>
        <translation>Hoe lang de beheerdersweergave open blijft nadat het wachtwoord opnieuw is gegeven (standaard 900).</translation>
    </message>
    <message>
        <source>--elevation-seconds needs a number of seconds.</source>
        <translation>--elevation-seconds verwacht een aantal seconden.</translation>
    </message>
    <message>
        <source>
Messages (serve): welcome and password-reset messages wait in the database and are sent by e-mail
(--smtp URL --mail-from ADDRESS) or SMS (--sms-gateway URL [--sms-key KEY]), retried with back-off
while the mail server or the gateway is down. Options may come from --config FILE; secrets are never printed.
</source>
        <translation>
Berichten (serve): welkomst- en wachtwoordherstelberichten wachten in de database en worden verstuurd per e-mail
(--smtp URL --mail-from ADRES) of sms (--sms-gateway URL [--sms-key SLEUTEL]), met steeds verder gespreide nieuwe pogingen
zolang de mailserver of de gateway onbereikbaar is. Opties kunnen uit --config BESTAND komen; geheimen worden nooit getoond.
</translation>
    </message>
    <message>
        <source>Serves the Centrale API and delivers its messages (e-mail and SMS).</source>
        <translation>Biedt de Centrale-API aan en verstuurt de berichten (e-mail en sms).</translation>
    </message>
    <message>
        <source>Reads the options from this file (INI: one &quot;option = value&quot; a line, for example smtp = smtps://...); the command line wins. Keep secrets here, readable by the server&apos;s account only.</source>
        <translation>Leest de opties uit dit bestand (INI: één regel &quot;optie = waarde&quot; per optie, bijvoorbeeld smtp = smtps://...); de opdrachtregel heeft voorrang. Bewaar geheimen hier, alleen leesbaar voor de account van de server.</translation>
    </message>
    <message>
        <source>The mail server: smtp://[USER:PASSWORD@]HOST:587 (STARTTLS when offered) or smtps://HOST:465 (TLS). Without it, e-mail waits in the queue.</source>
        <translation>De mailserver: smtp://[GEBRUIKER:WACHTWOORD@]HOST:587 (STARTTLS als die aangeboden wordt) of smtps://HOST:465 (TLS). Zonder mailserver wachten e-mails in de wachtrij.</translation>
    </message>
    <message>
        <source>The sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>Het e-mailadres van de afzender, bijvoorbeeld centrale@example.be.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s address (HTTP POST of JSON {to, from, text, encoding, parts}). Without it, SMS wait in the queue.</source>
        <translation>Het adres van de sms-gateway (HTTP POST van JSON {to, from, text, encoding, parts}). Zonder gateway wachten sms&apos;en in de wachtrij.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s key, sent as Authorization: Bearer KEY.</source>
        <translation>De sleutel van de sms-gateway, verstuurd als Authorization: Bearer SLEUTEL.</translation>
    </message>
    <message>
        <source>The SMS sender name or number (default Centrale).</source>
        <translation>De naam of het nummer van de sms-afzender (standaard Centrale).</translation>
    </message>
    <message>
        <source>The web portal&apos;s address, given in welcome messages (the code link is URL/reset-password?code=...).</source>
        <translation>Het adres van het webportaal, vermeld in welkomstberichten (de link met de code is URL/reset-password?code=...).</translation>
    </message>
    <message>
        <source>Where to download the mobile app, given in welcome messages.</source>
        <translation>Waar de mobiele app te downloaden is, vermeld in welkomstberichten.</translation>
    </message>
    <message>
        <source>Where to download the PC softphone, given in welcome messages.</source>
        <translation>Waar de softphone voor pc te downloaden is, vermeld in welkomstberichten.</translation>
    </message>
    <message>
        <source>Seconds before the first new attempt after a temporary error (default 30); doubled at each attempt, at most one hour.</source>
        <translation>Seconden voor de eerste nieuwe poging na een tijdelijke fout (standaard 30); verdubbeld bij elke poging, hoogstens een uur.</translation>
    </message>
    <message>
        <source>Attempts before a message is given up (default 10).</source>
        <translation>Aantal pogingen voor een bericht wordt opgegeven (standaard 10).</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Kan het configuratiebestand %1 niet lezen.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>Het configuratiebestand %1 is geen geldig INI-bestand.</translation>
    </message>
    <message>
        <source>--retry-after must be a number of seconds from 1 to 3600.</source>
        <translation>--retry-after moet een aantal seconden van 1 tot 3600 zijn.</translation>
    </message>
    <message>
        <source>--max-attempts must be a number from 1 to 100.</source>
        <translation>--max-attempts moet een getal van 1 tot 100 zijn.</translation>
    </message>
    <message>
        <source>--smtp needs --mail-from, the sender&apos;s address.</source>
        <translation>--smtp vraagt --mail-from, het adres van de afzender.</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3.</source>
        <translation>--%1 moet een aantal seconden van %2 tot %3 zijn.</translation>
    </message>
    <message>
        <source>--call-local-address %1 is not an IP address of this server.</source>
        <translation>--call-local-address: %1 is geen IP-adres van deze server.</translation>
    </message>
    <message>
        <source>--call-instructions: %1</source>
        <translation>--call-instructions: %1</translation>
    </message>
    <message>
        <source>
Recording a prompt by call (serve): the server calls the user&apos;s desk phone over SIP, plays a spoken
instruction in the user&apos;s language and a beep, and records until the person hangs up or presses #
(--call-ring-seconds N, --call-max-seconds N, --call-local-address ADDRESS, --call-instructions FOLDER).
</source>
        <translation>
Een bericht opnemen via een oproep (serve): de server belt het bureautoestel van de gebruiker via SIP, speelt een
gesproken instructie af in de taal van de gebruiker en een pieptoon, en neemt op tot de persoon ophangt of op # drukt
(--call-ring-seconds N, --call-max-seconds N, --call-local-address ADRES, --call-instructions MAP).
</translation>
    </message>
    <message>
        <source>Recording a prompt by call: how long the phone rings before the call ends unanswered, 5 to 120 (default 30).</source>
        <translation>Opnemen via een oproep: hoe lang het toestel rinkelt voor de oproep onbeantwoord eindigt, van 5 tot 120 (standaard 30).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the longest recording, 10 to 1800; a longer one is cut there and kept (default 300).</source>
        <translation>Opnemen via een oproep: de langste opname, van 10 tot 1800; een langere wordt daar afgebroken en bewaard (standaard 300).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the IP address the SIP and RTP sockets bind to (default: the one that reaches the phone).</source>
        <translation>Opnemen via een oproep: het IP-adres waaraan de SIP- en RTP-sockets zich binden (standaard: het adres dat het toestel bereikt).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: a folder holding fr.wav, nl.wav and en.wav (any format libsndfile reads), spoken before the beep in the called user&apos;s language instead of the built-in instructions.</source>
        <translation>Opnemen via een oproep: een map met fr.wav, nl.wav en en.wav (elk formaat dat libsndfile leest), afgespeeld vóór de pieptoon in de taal van de opgeroepen gebruiker in plaats van de ingebouwde instructies.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>The database address sqlite: needs a file path (sqlite:/var/lib/centrale/server.db).</source>
        <translation>Het databaseadres sqlite: vraagt een bestandspad (sqlite:/var/lib/centrale/server.db).</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>Het SQLite-stuurprogramma van Qt is niet geïnstalleerd (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>The database address must look like postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>Het databaseadres moet de vorm postgresql://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE hebben.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian: libqt6sql6-psql).</source>
        <translation>Het PostgreSQL-stuurprogramma van Qt is niet geïnstalleerd (Debian: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Unknown database address %1: use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>Onbekend databaseadres %1: gebruik sqlite:PAD of postgresql://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Kan de database %1 niet openen: %2</translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation>Er bestaat al een record met dezelfde sleutel.</translation>
    </message>
    <message>
        <source>The server&apos;s database reported an error.</source>
        <translation>De database van de server meldde een fout.</translation>
    </message>
    <message>
        <source>The server&apos;s database could not start a transaction: %1</source>
        <translation>De database van de server kon geen transactie starten: %1</translation>
    </message>
    <message>
        <source>The server&apos;s database could not commit: %1</source>
        <translation>De database van de server kon niet vastleggen: %1</translation>
    </message>
    <message>
        <source>The database was created by a newer Centrale server (schema %1; this one knows %2).</source>
        <translation>De database werd aangemaakt door een nieuwere Centrale-server (schema %1; deze kent %2).</translation>
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
    <message>
        <source>Key %1: label</source>
        <translation>Toets %1: label</translation>
    </message>
    <message>
        <source>%1 is not a SIP address; write the phone&apos;s host name or IP address, optionally followed by :port, e.g. 192.168.1.20:5060.</source>
        <translation>%1 is geen SIP-adres; geef de hostnaam of het IP-adres van het toestel, eventueel gevolgd door :poort, bv. 192.168.1.20:5060.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>SIP user</source>
        <translation>SIP-gebruiker</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>SIP-wachtwoord</translation>
    </message>
</context>
<context>
    <name>SmsGateway</name>
    <message>
        <source>The SMS gateway must be an http:// or https:// address.</source>
        <translation>De sms-gateway moet een http://- of https://-adres zijn.</translation>
    </message>
</context>
<context>
    <name>SmtpSender</name>
    <message>
        <source>The mail server must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465.</source>
        <translation>De mailserver moet eruitzien als smtp://GEBRUIKER:WACHTWOORD@HOST:587 of smtps://HOST:465.</translation>
    </message>
    <message>
        <source>--mail-from needs the sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>--mail-from vraagt het e-mailadres van de afzender, bijvoorbeeld centrale@example.be.</translation>
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
Server:
  login --server URL --user NAME   aanmelden (wachtwoord via de terminal of de standaardinvoer), daarna de organisatie ophalen
  sync                          de wijzigingen van deze database versturen, daarna die van de server ontvangen
  status                        de server, de laatste synchronisatie, wachtende wijzigingen en conflicten
  conflicts [--keep-mine ID | --take-theirs ID]   door de server geweigerde wijzigingen tonen of oplossen
  logout                        de sessie beëindigen en het token vergeten
</translation>
    </message>
    <message>
        <source>Logs in to a Centrale server with this store. The password is read from the terminal without echo, or from standard input when it is not a terminal. A new store is created and filled from the server.</source>
        <translation>Meldt aan bij een Centrale-server met deze database. Het wachtwoord wordt zonder echo van de terminal gelezen, of van de standaardinvoer als dat geen terminal is. Een nieuwe database wordt aangemaakt en vanaf de server gevuld.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443.</source>
        <translation>Het adres van de server, bijvoorbeeld https://centrale.example.be:8443.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Your username (name@domain) or registered mobile number.</source>
        <translation>Uw gebruikersnaam (naam@domein) of uw geregistreerde gsm-nummer.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>login needs --server URL and --user NAME.</source>
        <translation>login vraagt --server URL en --user NAAM.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Wachtwoord voor %1: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Er werd geen wachtwoord gegeven.</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2 (%3).</source>
        <translation>Aangemeld bij %1 als %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this store will be sent at the next sync.</source>
        <translation>
            <numerusform>%n record van deze database wordt bij de volgende synchronisatie verstuurd.</numerusform>
            <numerusform>%n records van deze database worden bij de volgende synchronisatie verstuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>Deze database is niet met een server verbonden. Meld u eerst aan: centrale-cli login --server URL --user NAAM</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Er is geen sessie voor %1 op %2: meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Sends this store&apos;s changes to its server, in order, then receives the server&apos;s changes.</source>
        <translation>Verstuurt de wijzigingen van deze database in volgorde naar de server en ontvangt daarna die van de server.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>De server weigerde: %1 Meld u opnieuw aan met centrale-cli login.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>%n wijziging verstuurd</numerusform>
            <numerusform>%n wijzigingen verstuurd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n</source>
        <translation>
            <numerusform>%n ontvangen</numerusform>
            <numerusform>%n ontvangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server: see centrale-cli conflicts.</source>
        <translation>
            <numerusform>%n wijziging door de server geweigerd: zie centrale-cli conflicts.</numerusform>
            <numerusform>%n wijzigingen door de server geweigerd: zie centrale-cli conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) still waiting.</source>
        <translation>
            <numerusform>%n wijziging wacht nog.</numerusform>
            <numerusform>%n wijzigingen wachten nog.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server wait until the conflicts here are resolved.</source>
        <translation>
            <numerusform>%n wijziging van de server wacht tot de conflicten hier zijn opgelost.</numerusform>
            <numerusform>%n wijzigingen van de server wachten tot de conflicten hier zijn opgelost.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows the server of this store, its last sync, the changes waiting and the conflicts.</source>
        <translation>Toont de server van deze database, de laatste synchronisatie, de wachtende wijzigingen en de conflicten.</translation>
    </message>
    <message>
        <source>Not connected to a server (local store only).</source>
        <translation>Niet met een server verbonden (alleen lokale database).</translation>
    </message>
    <message>
        <source>Server: %1, as %2 (%3)</source>
        <translation>Server: %1, als %2 (%3)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Laatste synchronisatie: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Changes waiting: %1</source>
        <translation>Wachtende wijzigingen: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicten: %1</translation>
    </message>
    <message>
        <source>Lists the changes the server refused, or resolves one: keep this store&apos;s version (sent again, over the server&apos;s) or take the server&apos;s (this store&apos;s change is dropped).</source>
        <translation>Toont de door de server geweigerde wijzigingen, of lost er een op: de versie van deze database behouden (opnieuw verstuurd, over die van de server) of die van de server nemen (de wijziging van deze database vervalt).</translation>
    </message>
    <message>
        <source>Send this store&apos;s version again.</source>
        <translation>De versie van deze database opnieuw versturen.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Take the server&apos;s version.</source>
        <translation>De versie van de server nemen.</translation>
    </message>
    <message>
        <source>A conflict is named by its number (see centrale-cli conflicts).</source>
        <translation>Een conflict wordt met zijn nummer aangeduid (zie centrale-cli conflicts).</translation>
    </message>
    <message>
        <source>Your version will be sent at the next sync.</source>
        <translation>Uw versie wordt bij de volgende synchronisatie verstuurd.</translation>
    </message>
    <message>
        <source>The server&apos;s version is now in this store.</source>
        <translation>De versie van de server staat nu in deze database.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Geen conflicten.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Ends the session on the server and removes its token from the system keychain.</source>
        <translation>Beëindigt de sessie op de server en verwijdert het token uit de sleutelhanger van het systeem.</translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation>Afgemeld bij %1.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>User group</source>
        <translation>Gebruikersgroep</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Gesproken bericht</translation>
    </message>
    <message>
        <source>Function number</source>
        <translation>Functienummer</translation>
    </message>
    <message>
        <source>Calendar event</source>
        <translation>Kalendergebeurtenis</translation>
    </message>
    <message>
        <source>SIP phone</source>
        <translation>SIP-toestel</translation>
    </message>
    <message>
        <source>Key template</source>
        <translation>Toetsensjabloon</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>It was deleted on the server after you changed it here.</source>
        <translation>Het werd op de server verwijderd nadat u het hier wijzigde.</translation>
    </message>
    <message>
        <source>It was changed on the server (now version %1) after you changed it here.</source>
        <translation>Het werd op de server gewijzigd (nu versie %1) nadat u het hier wijzigde.</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Wijzigingen versturen</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Wijzigingen ontvangen</translation>
    </message>
    <message>
        <source>There is no conflict %1.</source>
        <translation>Er is geen conflict %1.</translation>
    </message>
    <message>
        <source>Welcome message to</source>
        <translation>Welkomstbericht voor</translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n change(s) sent and %1 received until then are kept; the next sync goes on from there.</source>
        <translation>
            <numerusform>Synchronisatie gestopt: %n verstuurde wijziging en %1 ontvangen tot dan blijven behouden; de volgende synchronisatie gaat vanaf daar verder.</numerusform>
            <numerusform>Synchronisatie gestopt: %n verstuurde wijzigingen en %1 ontvangen tot dan blijven behouden; de volgende synchronisatie gaat vanaf daar verder.</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN of</source>
        <translation>Pincode van</translation>
    </message>
    <message>
        <source>Password of</source>
        <translation>Wachtwoord van</translation>
    </message>
    <message>
        <source>Photo of</source>
        <translation>Foto van</translation>
    </message>
</context>
<context>
    <name>SyncSetup</name>
    <message>
        <source>This store holds the organisation %1, but %2 administers %3 on that server.</source>
        <translation>Deze database bevat de organisatie %1, maar %2 beheert %3 op die server.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Er is geen sessie voor %1 op %2: meld u opnieuw aan.</translation>
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
    <name>UserCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>De rij heeft %1 velden maar de kopregel benoemt %2 kolommen; controleer de scheidingstekens en aanhalingstekens.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>Er is geen gebruikersgroep %1; maak ze eerst aan of verbeter de naam.</translation>
    </message>
    <message>
        <source>The username %1 is already on line %2 of the file.</source>
        <translation>De gebruikersnaam %1 staat al op regel %2 van het bestand.</translation>
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
        <source>The direct number %1 is already given on line %2 of the file.</source>
        <translation>Het rechtstreekse nummer %1 wordt al toegewezen op regel %2 van het bestand.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n rij van het bestand is geweigerd; er werd niets geïmporteerd. Verbeter ze, of importeer de andere rijen en sla deze over.</numerusform>
            <numerusform>%n rijen van het bestand zijn geweigerd; er werd niets geïmporteerd. Verbeter ze, of importeer de andere rijen en sla deze over.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Regel %1: %2 Er werd niets geïmporteerd.</translation>
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
    <name>UserPhoto</name>
    <message>
        <source>%1 cannot be used as a photo: %2.</source>
        <translation>%1 kan niet als foto dienen: %2.</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>De afbeelding</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>De foto kon niet als JPEG worden opgeslagen: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>De foto is te gedetailleerd voor de maximale grootte.</translation>
    </message>
</context>
<context>
    <name>UserPhotoImage</name>
    <message>
        <source>The photo is not a JPEG picture that can be read (%1).</source>
        <translation>De foto is geen leesbare JPEG-afbeelding (%1).</translation>
    </message>
    <message>
        <source>it does not start as a JPEG file</source>
        <translation>ze begint niet als een JPEG-bestand</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>De foto kon niet als JPEG worden opgeslagen: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>De foto is te gedetailleerd voor de maximale grootte.</translation>
    </message>
    <message>
        <source>The photo is %1 x %2 pixels: too large to be a photo.</source>
        <translation>De foto is %1 x %2 pixels: te groot voor een foto.</translation>
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
    <message>
        <source>The photo must be a JPEG picture.</source>
        <translation>De foto moet een JPEG-afbeelding zijn.</translation>
    </message>
    <message>
        <source>The photo is too large (%1 KiB); at most %2 KiB.</source>
        <translation>De foto is te groot (%1 KiB); hoogstens %2 KiB.</translation>
    </message>
    <message>
        <source>Choose at least one access: Web, Mobile or Softphone.</source>
        <translation>Kies minstens één toegang: Web, Mobiel of Softphone.</translation>
    </message>
    <message>
        <source>The user group no longer exists.</source>
        <translation>De gebruikersgroep bestaat niet meer.</translation>
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
    <message>
        <source>The password must have at least 10 characters.</source>
        <translation>Het wachtwoord moet minstens 10 tekens hebben.</translation>
    </message>
    <message>
        <source>The password must contain at least one letter and one digit.</source>
        <translation>Het wachtwoord moet minstens één letter en één cijfer bevatten.</translation>
    </message>
    <message>
        <source>The password must not contain the username.</source>
        <translation>Het wachtwoord mag de gebruikersnaam niet bevatten.</translation>
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
    <name>WelcomeMessage</name>
    <message>
        <source>Web</source>
        <comment>welcome message: access to the web portal</comment>
        <translation>Web</translation>
    </message>
    <message>
        <source>Mobile</source>
        <comment>welcome message: the smartphone app</comment>
        <translation>Mobiel</translation>
    </message>
    <message>
        <source>Softphone</source>
        <comment>welcome message: the PC softphone</comment>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>No email address or mobile number registered: add one to the user first.</source>
        <translation>Geen e-mailadres of gsm-nummer geregistreerd: voeg er eerst een toe aan de gebruiker.</translation>
    </message>
</context>
<context>
    <name>centrale::AudioInputSource</name>
    <message>
        <source>The audio input %1 cannot be used.</source>
        <translation>De audio-ingang %1 kan niet worden gebruikt.</translation>
    </message>
    <message>
        <source>The audio input %1 could not be opened. Check that it is connected and not used by another program.</source>
        <translation>De audio-ingang %1 kon niet worden geopend. Controleer of ze aangesloten is en niet door een ander programma wordt gebruikt.</translation>
    </message>
</context>
<context>
    <name>centrale::CalendarEditor</name>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>None: the default state applies</source>
        <translation>Geen: de standaardstatus geldt</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <extracomment>%1 is the priority (1 = first), %2 the event&apos;s title</extracomment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>%1 and %2 are the first and last day of a week</extracomment>
        <translation>%1 tot %2</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Gebeurtenis verwijderen</translation>
    </message>
    <message>
        <source>Delete the event “%1” from this calendar?</source>
        <translation>De gebeurtenis ‘%1’ uit deze kalender verwijderen?</translation>
    </message>
    <message>
        <source>When no event applies, the number is:</source>
        <translation>Als geen gebeurtenis geldt, is het nummer:</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Standaardstatus</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Planningsgebeurtenissen, volgens prioriteit</translation>
    </message>
    <message>
        <source>The first event that applies wins. Drag an event, or press Ctrl+Up and Ctrl+Down, to change its priority.</source>
        <translation>De eerste gebeurtenis die geldt, beslist. Sleep een gebeurtenis, of druk op Ctrl+Omhoog en Ctrl+Omlaag, om de prioriteit te wijzigen.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Nieuwe gebeurtenis…</translation>
    </message>
    <message>
        <source>&amp;Edit event…</source>
        <translation>Gebeurtenis &amp;bewerken…</translation>
    </message>
    <message>
        <source>D&amp;uplicate event</source>
        <translation>Gebeurtenis &amp;dupliceren</translation>
    </message>
    <message>
        <source>&amp;Delete event</source>
        <translation>Gebeurtenis &amp;verwijderen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Omhoog (&amp;u)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Omlaag (&amp;w)</translation>
    </message>
    <message>
        <source>&amp;Copy calendar to…</source>
        <translation>Kalender &amp;kopiëren naar…</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Volgende week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Week timeline: open in green, closed in red</source>
        <translation>Week: open in groen, gesloten in rood</translation>
    </message>
    <message>
        <source>What happens at…</source>
        <translation>Wat gebeurt er op…</translation>
    </message>
    <message>
        <source>Date and time to preview</source>
        <translation>Datum en tijd voor de voorvertoning</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum en tijd:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Voice prompt:</source>
        <translation>Spraakbericht:</translation>
    </message>
    <message>
        <source>Deciding event:</source>
        <translation>Beslissende gebeurtenis:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Spraakbericht</translation>
    </message>
    <message>
        <source>Deciding event</source>
        <translation>Beslissende gebeurtenis</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliceren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Up</source>
        <extracomment>Move the selected event up (higher priority)</extracomment>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Down</source>
        <extracomment>Move the selected event down (lower priority)</extracomment>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Copy to…</source>
        <translation>Kopiëren naar…</translation>
    </message>
    <message>
        <source>Green: open. Red: closed. Paler: no event applies, the default state does. Point at the week to see the deciding event.</source>
        <translation>Groen: open. Rood: gesloten. Lichter: geen gebeurtenis geldt, de standaardstatus beslist. Wijs de week aan om de beslissende gebeurtenis te zien.</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>Een kalender importeren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-bestanden (*.ics);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Kan %1 niet lezen: %2.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 is niet geïmporteerd: %2</translation>
    </message>
    <message numerus="yes">
        <source>Import %n event(s) from an .ics file</source>
        <translation>
            <numerusform>%n gebeurtenis importeren uit een .ics-bestand</numerusform>
            <numerusform>%n gebeurtenissen importeren uit een .ics-bestand</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>De kalender exporteren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-bestanden (*.ics)</translation>
    </message>
    <message>
        <source>The calendar was not exported to %1: %2</source>
        <extracomment>%1 is a file name, %2 the reason</extracomment>
        <translation>De kalender is niet geëxporteerd naar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Add %n Belgian holiday(s)</source>
        <translation>
            <numerusform>%n Belgische feestdag toevoegen</numerusform>
            <numerusform>%n Belgische feestdagen toevoegen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Importeren uit .ics…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Exporteren naar .ics…</translation>
    </message>
    <message>
        <source>Belgian holidays…</source>
        <translation>Belgische feestdagen…</translation>
    </message>
    <message>
        <source>Calendar files and holidays</source>
        <translation>Kalenderbestanden en feestdagen</translation>
    </message>
    <message>
        <source>Calendar</source>
        <extracomment>Tool bar button opening the menu with Import .ics…, Export .ics… and Belgian holidays…</extracomment>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictFieldsModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Gsm</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
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
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Service settings</source>
        <translation>Dienstinstellingen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>In deze database</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Op de server</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictsDialog</name>
    <message>
        <source>Conflicts with the server</source>
        <translation>Conflicten met de server</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Fields of the record</source>
        <translation>Velden van het record</translation>
    </message>
    <message>
        <source>These changes of this store were refused by the server. Choose for each one which version stays.</source>
        <translation>De server heeft deze wijzigingen van deze database geweigerd. Kies voor elke wijziging welke versie blijft.</translation>
    </message>
    <message>
        <source>No conflicts: every change of this store was accepted by the server.</source>
        <translation>Geen conflicten: de server heeft alle wijzigingen van deze database aanvaard.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Mijn versie houden</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Die van de server nemen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server refused this change: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;De server heeft deze wijziging geweigerd: %2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Send this change again, for example once the reason is fixed on the server.</source>
        <translation>Deze wijziging opnieuw versturen, bijvoorbeeld zodra de oorzaak op de server is opgelost.</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Mijn wijziging laten vallen</translation>
    </message>
    <message>
        <source>Forget this change and take the server&apos;s record.</source>
        <translation>Deze wijziging vergeten en het record van de server nemen.</translation>
    </message>
    <message>
        <source>Send this store&apos;s version to the server, over the server&apos;s.</source>
        <translation>De versie van deze database naar de server sturen, over die van de server heen.</translation>
    </message>
    <message>
        <source>Take the server&apos;s version here and drop this store&apos;s change.</source>
        <translation>De versie van de server hier nemen en de wijziging van deze database laten vallen.</translation>
    </message>
</context>
<context>
    <name>centrale::ContactDialog</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefoonnummer</translation>
    </message>
    <message>
        <source>Add phone number</source>
        <translation>Telefoonnummer toevoegen</translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation>Nummer verwijderen</translation>
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
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone numbers (entered as you would dial them; stored in the +32 format)</source>
        <translation>Telefoonnummers (ingevoerd zoals u ze belt; bewaard in het +32-formaat)</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Een nieuw contact aanmaken</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Contact bewerken</translation>
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
    <name>centrale::ContactsPage</name>
    <message>
        <source>Delete contact</source>
        <translation>Contact verwijderen</translation>
    </message>
    <message>
        <source>Delete the contact %1? Users will no longer see it.</source>
        <translation>Het contact %1 verwijderen? Gebruikers zien het dan niet meer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Contactlijsten</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Alle contacten</translation>
    </message>
    <message>
        <source>Configure for all users in the organisation</source>
        <translation>Configureren voor alle gebruikers van de organisatie</translation>
    </message>
    <message>
        <source>A user group</source>
        <translation>Een gebruikersgroep</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Een gebruiker</translation>
    </message>
    <message>
        <source>Search a user: username or name</source>
        <translation>Een gebruiker zoeken: gebruikersnaam of naam</translation>
    </message>
    <message>
        <source>Show what this user sees</source>
        <translation>Tonen wat deze gebruiker ziet</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Een nieuw contact aanmaken</translation>
    </message>
    <message>
        <source>Create a contact at the chosen level (%1)</source>
        <translation>Een contact aanmaken op het gekozen niveau (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Change the selected contact&apos;s names, email and phone numbers</source>
        <translation>De namen, het e-mailadres en de telefoonnummers van het geselecteerde contact wijzigen</translation>
    </message>
    <message>
        <source>Delete the selected contact (%1)</source>
        <translation>Het geselecteerde contact verwijderen (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::CopyCalendarDialog</name>
    <message>
        <source>Copy calendar</source>
        <translation>Kalender kopiëren</translation>
    </message>
    <message>
        <source>Copy the events of %1 to these function numbers. The events are added after their own events.</source>
        <extracomment>%1 is a function number&apos;s name</extracomment>
        <translation>De gebeurtenissen van %1 naar deze functienummers kopiëren. De gebeurtenissen komen na hun eigen gebeurtenissen.</translation>
    </message>
    <message>
        <source>Function numbers to copy to</source>
        <translation>Functienummers om naar te kopiëren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
</context>
<context>
    <name>centrale::CsvActions</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>users.csv</source>
        <translation>gebruikers.csv</translation>
    </message>
    <message>
        <source>contacts.csv</source>
        <translation>contacten.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wordt geschreven…</translation>
    </message>
    <message>
        <source>Import users…</source>
        <translation>Gebruikers importeren…</translation>
    </message>
    <message>
        <source>Create or update users from a CSV file; you see what would change before anything is written</source>
        <translation>Gebruikers aanmaken of bijwerken vanuit een CSV-bestand; u ziet wat er zou veranderen voordat er iets wordt geschreven</translation>
    </message>
    <message>
        <source>Export users…</source>
        <translation>Gebruikers exporteren…</translation>
    </message>
    <message>
        <source>Write every user to a CSV file that Excel and LibreOffice open</source>
        <translation>Alle gebruikers naar een CSV-bestand schrijven dat Excel en LibreOffice openen</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Contacten importeren…</translation>
    </message>
    <message>
        <source>Create or update contacts from a CSV file; you see what would change before anything is written</source>
        <translation>Contacten aanmaken of bijwerken vanuit een CSV-bestand; u ziet wat er zou veranderen voordat er iets wordt geschreven</translation>
    </message>
    <message>
        <source>Export contacts…</source>
        <translation>Contacten exporteren…</translation>
    </message>
    <message>
        <source>Write every contact to a CSV file that Excel and LibreOffice open</source>
        <translation>Alle contacten naar een CSV-bestand schrijven dat Excel en LibreOffice openen</translation>
    </message>
</context>
<context>
    <name>centrale::CsvImportDialog</name>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Skip the rejected rows and import the others</source>
        <translation>De geweigerde rijen overslaan en de andere importeren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Gebruikers importeren</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Contacten importeren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Columns not understood, ignored: %1</source>
        <translation>Niet herkende kolommen, genegeerd: %1</translation>
    </message>
    <message>
        <source>Correct the rejected rows, or choose to skip them.</source>
        <translation>Verbeter de geweigerde rijen, of kies ervoor ze over te slaan.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wordt geïmporteerd…</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Geïmporteerd: %1 aangemaakt, %2 bijgewerkt.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>centrale::ElevationDialog</name>
    <message>
        <source>Password needed</source>
        <translation>Wachtwoord nodig</translation>
    </message>
    <message>
        <source>For your organisation&apos;s safety, the administrator view asks for your password again after a few minutes without use, as the portal does. Give the password of %1 to go on syncing.</source>
        <translation>Voor de veiligheid van uw organisatie vraagt de beheerdersweergave na enkele minuten zonder gebruik opnieuw uw wachtwoord, zoals het portaal. Geef het wachtwoord van %1 om verder te synchroniseren.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
</context>
<context>
    <name>centrale::EventEditorDialog</name>
    <message>
        <source>Calendar event</source>
        <translation>Kalendergebeurtenis</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Voice &amp;prompt:</source>
        <translation>&amp;Spraakbericht:</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>&amp;Begin:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Einde:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Herhaling:</translation>
    </message>
    <message>
        <source>On &amp;days:</source>
        <translation>Op &amp;dagen:</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>Re&amp;gel:</translation>
    </message>
    <message>
        <source>Repeat u&amp;ntil:</source>
        <translation>Herhalen &amp;tot:</translation>
    </message>
    <message>
        <source>E&amp;xceptions:</source>
        <translation>&amp;Uitzonderingen:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Spraakbericht</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Herhaling</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>Dagen van de week</translation>
    </message>
    <message>
        <source>Repeat rule</source>
        <translation>Herhalingsregel</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Herhalen tot</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Uitzonderingen</translation>
    </message>
    <message>
        <source>None</source>
        <extracomment>No voice prompt: the function number&apos;s usual prompt plays</extracomment>
        <translation>Geen</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>&amp;Hele dag</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Elke dag</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Elke week</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Elke maand</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Elk jaar</translation>
    </message>
    <message>
        <source>Custom rule (iCalendar RRULE)</source>
        <translation>Aangepaste regel (iCalendar RRULE)</translation>
    </message>
    <message>
        <source>Forever</source>
        <extracomment>How a repeating event ends</extracomment>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Tot een datum</translation>
    </message>
    <message>
        <source>A number of times</source>
        <translation>Een aantal keer</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Laatste datum</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Aantal keer</translation>
    </message>
    <message>
        <source> times</source>
        <translation> keer</translation>
    </message>
    <message>
        <source>Exception date</source>
        <translation>Uitzonderingsdatum</translation>
    </message>
    <message>
        <source>A&amp;dd date</source>
        <translation>Datum &amp;toevoegen</translation>
    </message>
    <message>
        <source>Re&amp;move date</source>
        <translation>Datum ve&amp;rwijderen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
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
    <message>
        <source>Now</source>
        <extracomment>The state a function number&apos;s schedule gives now: open or closed</extracomment>
        <translation>Nu</translation>
    </message>
</context>
<context>
    <name>centrale::GroupDialog</name>
    <message>
        <source>New user group</source>
        <translation>Nieuwe gebruikersgroep</translation>
    </message>
    <message>
        <source>Edit user group</source>
        <translation>Gebruikersgroep bewerken</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschrijving:</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Groepsinstellingen</translation>
    </message>
    <message>
        <source>Inherited</source>
        <extracomment>A setting not set on the group: the organisation&apos;s value applies.</extracomment>
        <translation>Overgeërfd</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Check box of a yes/no service setting.</extracomment>
        <translation>Aan</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
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
    <name>centrale::GroupsPage</name>
    <message>
        <source>Delete user group</source>
        <translation>Gebruikersgroep verwijderen</translation>
    </message>
    <message>
        <source>Remove the members from this group and delete it?</source>
        <translation>De leden uit deze groep verwijderen en de groep verwijderen?</translation>
    </message>
    <message>
        <source>Remove the members and delete</source>
        <translation>Leden verwijderen en groep verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Gebruikersgroepen</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nieuwe groep…</translation>
    </message>
    <message>
        <source>Create a user group (%1)</source>
        <translation>Een gebruikersgroep aanmaken (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Rename the selected group, change its description and its settings</source>
        <translation>De geselecteerde groep hernoemen, de beschrijving en de instellingen wijzigen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected group (%1)</source>
        <translation>De geselecteerde groep verwijderen (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::HolidaysDialog</name>
    <message numerus="yes">
        <source>%n closed all-day event(s) will be added at the top of the calendar (highest priority).</source>
        <translation>
            <numerusform>%n gesloten gebeurtenis van een hele dag wordt bovenaan de kalender toegevoegd (hoogste prioriteit).</numerusform>
            <numerusform>%n gesloten gebeurtenissen van een hele dag worden bovenaan de kalender toegevoegd (hoogste prioriteit).</numerusform>
        </translation>
    </message>
    <message>
        <source>Belgian holidays</source>
        <translation>Belgische feestdagen</translation>
    </message>
    <message>
        <source>&amp;From year:</source>
        <translation>&amp;Vanaf jaar:</translation>
    </message>
    <message>
        <source>&amp;To year:</source>
        <translation>&amp;Tot jaar:</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>Vanaf jaar</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>Tot jaar</translation>
    </message>
    <message>
        <source>Also the &amp;communities&apos; holidays (11 July, 27 September, 15 November)</source>
        <translation>Ook de feestdagen van de &amp;gemeenschappen (11 juli, 27 september, 15 november)</translation>
    </message>
    <message>
        <source>&amp;Add holidays</source>
        <translation>Feestdagen &amp;toevoegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>centrale::ImportIcsDialog</name>
    <message>
        <source>%1 cannot be imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 kan niet worden geïmporteerd: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be added after this calendar&apos;s own events:</source>
        <translation>
            <numerusform>%n gebeurtenis wordt toegevoegd na de eigen gebeurtenissen van deze kalender:</numerusform>
            <numerusform>%n gebeurtenissen worden toegevoegd na de eigen gebeurtenissen van deze kalender:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An event to import: %1 is its title, %2 when it happens
----------
A skipped calendar item: %1 is its title, %2 the reason it is skipped</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be skipped:</source>
        <translation>
            <numerusform>%n item wordt overgeslagen:</numerusform>
            <numerusform>%n items worden overgeslagen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <extracomment>%1 is the .ics file&apos;s name</extracomment>
        <translation>%1 importeren</translation>
    </message>
    <message>
        <source>As in the file</source>
        <extracomment>The imported events keep the state (open or closed) the file gives them
----------
The imported events keep the voice prompt the file names</extracomment>
        <translation>Zoals in het bestand</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>&amp;State of the imported events:</source>
        <translation>&amp;Status van de geïmporteerde gebeurtenissen:</translation>
    </message>
    <message>
        <source>&amp;Voice prompt:</source>
        <translation>&amp;Spraakbericht:</translation>
    </message>
    <message>
        <source>State of the imported events</source>
        <translation>Status van de geïmporteerde gebeurtenissen</translation>
    </message>
    <message>
        <source>Voice prompt of the imported events</source>
        <translation>Spraakbericht van de geïmporteerde gebeurtenissen</translation>
    </message>
    <message>
        <source>Events to import</source>
        <translation>Te importeren gebeurtenissen</translation>
    </message>
    <message>
        <source>Skipped items</source>
        <translation>Overgeslagen items</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The calendar is empty, so the file&apos;s default state (%1) will be applied too.</source>
        <extracomment>%1 is Open or Closed</extracomment>
        <translation>De kalender is leeg, dus de standaardstatus van het bestand (%1) wordt ook toegepast.</translation>
    </message>
</context>
<context>
    <name>centrale::KeyDialog</name>
    <message>
        <source>Key %1</source>
        <translation>Toets %1</translation>
    </message>
    <message>
        <source>Program a key</source>
        <translation>Een toets programmeren</translation>
    </message>
    <message>
        <source>Inherit from the key template</source>
        <translation>Overerven van het toetsensjabloon</translation>
    </message>
    <message>
        <source>Choose a colleague with the magnifier</source>
        <translation>Kies een collega met het vergrootglas</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Find a colleague by name, number or username</source>
        <translation>Een collega zoeken op naam, nummer of gebruikersnaam</translation>
    </message>
    <message>
        <source>The colleague&apos;s name</source>
        <translation>De naam van de collega</translation>
    </message>
    <message>
        <source>Colleague:</source>
        <translation>Collega:</translation>
    </message>
    <message>
        <source>Label on the phone:</source>
        <translation>Label op het toestel:</translation>
    </message>
    <message>
        <source>Shown on the phone&apos;s screen</source>
        <translation>Getoond op het scherm van het toestel</translation>
    </message>
    <message>
        <source>+32 2 345 67 89</source>
        <translation>+32 2 345 67 89</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Weergavenaam:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Nummer:</translation>
    </message>
    <message>
        <source>The key shows what the key template of the user&apos;s groups programs on it, if any.</source>
        <translation>De toets toont wat het toetsensjabloon van de groepen van de gebruiker erop programmeert, als dat er is.</translation>
    </message>
    <message>
        <source>Nothing on this key, even where a key template programs it.</source>
        <translation>Niets op deze toets, ook als een toetsensjabloon ze programmeert.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Toets:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>Type the number as people dial it, e.g. 02 345 67 89 or +32 475 12 34 56.</source>
        <translation>Typ het nummer zoals men het belt, bv. 02 345 67 89 of +32 475 12 34 56.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>centrale::KeyTemplatesDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Hernoemen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Add key…</source>
        <translation>Toets &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Program key…</source>
        <translation>Toets &amp;programmeren…</translation>
    </message>
    <message>
        <source>Re&amp;move key</source>
        <translation>Toets ver&amp;wijderen</translation>
    </message>
    <message>
        <source>Key templates</source>
        <translation>Toetsensjablonen</translation>
    </message>
    <message>
        <source>Groups the template is attached to</source>
        <translation>Groepen waaraan het sjabloon gekoppeld is</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Attached to the groups</source>
        <translation>Gekoppeld aan de groepen</translation>
    </message>
    <message>
        <source>Members of a ticked group find these keys on their phones. A group has at most one template: ticking it here takes it from its other template.</source>
        <translation>Leden van een aangevinkte groep vinden deze toetsen op hun toestellen. Een groep heeft hoogstens één sjabloon: hier aanvinken haalt de groep weg bij haar andere sjabloon.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nieuw sjabloon</translation>
    </message>
    <message>
        <source>New template %1</source>
        <translation>Nieuw sjabloon %1</translation>
    </message>
    <message>
        <source>Delete key template</source>
        <translation>Toetsensjabloon verwijderen</translation>
    </message>
    <message>
        <source>Delete the key template %1?</source>
        <translation>Het toetsensjabloon %1 verwijderen?</translation>
    </message>
    <message>
        <source>Delete the key template %1? The phones of its groups&apos; members lose its keys.</source>
        <translation>Het toetsensjabloon %1 verwijderen? De toestellen van de leden van zijn groepen verliezen zijn toetsen.</translation>
    </message>
</context>
<context>
    <name>centrale::LoginDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Verbinden met een server</translation>
    </message>
    <message>
        <source>Log in as an administrator of your organisation. This store then sends its changes to the server and receives the changes made elsewhere.</source>
        <translation>Meld u aan als beheerder van uw organisatie. Deze database stuurt dan haar wijzigingen naar de server en ontvangt de wijzigingen die elders gemaakt zijn.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>naam@domein of +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Gebruikersnaam of gsm-nummer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Wachtwoord vergeten?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, your username and your password.</source>
        <translation>Geef het adres van de server, uw gebruikersnaam en uw wachtwoord.</translation>
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
        <source>Users of the group</source>
        <translation>Gebruikers van de groep</translation>
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
    <message>
        <source>Schedule of the selected function number</source>
        <translation>Schema van het geselecteerde functienummer</translation>
    </message>
    <message>
        <source>Select a phone to program its keys; select several for changes on all of them. &quot;Save and reload&quot; sends the phones their new settings.</source>
        <translation>Selecteer een toestel om zijn toetsen te programmeren; selecteer er meerdere om ze allemaal tegelijk te wijzigen. ‘Opslaan en herladen’ stuurt de toestellen hun nieuwe instellingen.</translation>
    </message>
    <message>
        <source>Keys of the selected phone</source>
        <translation>Toetsen van het geselecteerde toestel</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Verbinding verbreken</translation>
    </message>
    <message>
        <source>Disconnect this store from %1? Its changes stay here and are sent when you connect again.</source>
        <translation>Deze database loskoppelen van %1? Haar wijzigingen blijven hier en worden verstuurd wanneer u opnieuw verbindt.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Verbinden met een server…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>C&amp;onflicts…</source>
        <translation>C&amp;onflicten…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Verbinding ve&amp;rbreken</translation>
    </message>
</context>
<context>
    <name>centrale::NewPromptDialog</name>
    <message>
        <source>Import a voice prompt</source>
        <translation>Een spraakbericht importeren</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The recording stopped after the longest duration a prompt may have.</source>
        <translation>De opname is gestopt na de maximale duur van een spraakbericht.</translation>
    </message>
    <message>
        <source>A voice prompt named %1 already exists. Choose another name.</source>
        <translation>Er bestaat al een spraakbericht met de naam %1. Kies een andere naam.</translation>
    </message>
    <message>
        <source>Recording by call needs the connection to the telephony server. Import a file or record locally.</source>
        <translation>Opnemen via een oproep vereist de verbinding met de telefonieserver. Importeer een bestand of neem lokaal op.</translation>
    </message>
    <message>
        <source>Choose the audio file to import, or drop it on this window.</source>
        <translation>Kies het te importeren audiobestand, of sleep het naar dit venster.</translation>
    </message>
    <message>
        <source>Record the prompt first: press Record, speak, then press Stop.</source>
        <translation>Neem eerst het spraakbericht op: klik op Opnemen, spreek, en klik dan op Stoppen.</translation>
    </message>
    <message>
        <source>The conversion was cancelled; nothing was stored.</source>
        <translation>De conversie is geannuleerd; er werd niets opgeslagen.</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>Nieuw spraakbericht</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschrijving:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>A good practice is to write the exact text of the prompt.</source>
        <translation>Het is een goede gewoonte om de exacte tekst van het spraakbericht te noteren.</translation>
    </message>
    <message>
        <source>The exact text of the prompt</source>
        <translation>De exacte tekst van het spraakbericht</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>&amp;Import a file</source>
        <translation>Een bestand &amp;importeren</translation>
    </message>
    <message>
        <source>Audio file to import</source>
        <translation>Te importeren audiobestand</translation>
    </message>
    <message>
        <source>WAV, AIFF, FLAC, Ogg… at any rate</source>
        <translation>WAV, AIFF, FLAC, Ogg… met elke samplefrequentie</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Bl&amp;aderen…</translation>
    </message>
    <message>
        <source>You can also drop an audio file on this window.</source>
        <translation>U kunt ook een audiobestand naar dit venster slepen.</translation>
    </message>
    <message>
        <source>Record &amp;locally</source>
        <translation>&amp;Lokaal opnemen</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microfoon:</translation>
    </message>
    <message>
        <source>Audio input</source>
        <translation>Audio-ingang</translation>
    </message>
    <message>
        <source>Recording level</source>
        <translation>Opnameniveau</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Opnemen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Opgenomen tijd</translation>
    </message>
    <message>
        <source>No audio input device was found (no microphone, sound card or sound server): local recording is not available. Import a file instead.</source>
        <translation>Er is geen audio-invoerapparaat gevonden (geen microfoon, geluidskaart of geluidsserver): lokaal opnemen is niet mogelijk. Importeer in plaats daarvan een bestand.</translation>
    </message>
    <message>
        <source>Record by &amp;call</source>
        <translation>Opnemen via o&amp;proep</translation>
    </message>
    <message>
        <source>User to call</source>
        <translation>Te bellen gebruiker</translation>
    </message>
    <message>
        <source>Converting the audio</source>
        <translation>De audio wordt geconverteerd</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>Converteren…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Normalise loudness to −16 L&amp;UFS</source>
        <translation>Luidheid normaliseren naar −16 L&amp;UFS</translation>
    </message>
    <message>
        <source>R&amp;etake</source>
        <translation>Opnieu&amp;w opnemen</translation>
    </message>
    <message>
        <source>Cancel con&amp;version</source>
        <translation>Conversie annul&amp;eren</translation>
    </message>
    <message>
        <source>The call is in progress. Hang up the phone to end it; the window then shows what was recorded.</source>
        <translation>De oproep is bezig. Leg de telefoon neer om hem te beëindigen; het venster toont dan wat opgenomen is.</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Gaat over</translation>
    </message>
    <message>
        <source>Recording (%1 s)</source>
        <translation>Opname (%1 s)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>Saved, fetching the recording…</source>
        <translation>Opgeslagen, de opname wordt opgehaald…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Kies de gebruiker wiens telefoon gebeld wordt.</translation>
    </message>
    <message>
        <source>The call failed (%1).</source>
        <translation>De oproep is mislukt (%1).</translation>
    </message>
    <message>
        <source>The recording is saved on the server but could not be fetched yet (%1). It arrives with the next sync.</source>
        <translation>De opname is op de server opgeslagen maar kon nog niet worden opgehaald (%1). Ze komt mee met de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called</source>
        <translation>Kies de gebruiker wiens telefoon gebeld wordt</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>K&amp;iezen…</translation>
    </message>
    <message>
        <source>Not available: recording by call needs the connection to the telephony server (Server › Connect to a server…). The server calls the chosen user, who speaks the prompt into the phone.</source>
        <translation>Niet beschikbaar: opnemen via oproep vereist de verbinding met de telefonieserver (Server › Verbinden met een server…). De server belt de gekozen gebruiker, die het spraakbericht in de telefoon inspreekt.</translation>
    </message>
    <message>
        <source>Call the &amp;phone</source>
        <translation>&amp;Bellen</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>Opnieuw &amp;bellen</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Een wachtwoord genereren</translation>
    </message>
    <message>
        <source>Choose the password</source>
        <translation>Het wachtwoord kiezen</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Wachtwoord opnieuw instellen</translation>
    </message>
    <message>
        <source>Generated password</source>
        <translation>Gegenereerd wachtwoord</translation>
    </message>
    <message>
        <source>Generate another</source>
        <translation>Een ander genereren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>The password of %1 is used for the web portal and the PC application. Centrale keeps only a protected form of it, sent to the server at the next synchronisation: note the password now to give it to the user.</source>
        <translation>Het wachtwoord van %1 dient voor het webportaal en de pc-toepassing. Centrale bewaart er alleen een beveiligde vorm van, die bij de volgende synchronisatie naar de server gaat: noteer het wachtwoord nu om het aan de gebruiker te geven.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Herhaal het wachtwoord</translation>
    </message>
    <message>
        <source>At least 10 characters, with a letter and a digit.</source>
        <translation>Minstens 10 tekens, met een letter en een cijfer.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordResetDialog</name>
    <message>
        <source>Send a code</source>
        <translation>Een code versturen</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>Wachtwoord instellen</translation>
    </message>
    <message>
        <source>Forgot password</source>
        <translation>Wachtwoord vergeten</translation>
    </message>
    <message>
        <source>Give your username or registered mobile number: a code to choose a new password is sent to you by email or SMS.</source>
        <translation>Geef uw gebruikersnaam of geregistreerd gsm-nummer: u krijgt per e-mail of sms een code om een nieuw wachtwoord te kiezen.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>naam@domein of +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Gebruikersnaam of gsm-nummer</translation>
    </message>
    <message>
        <source>Code received</source>
        <translation>Ontvangen code</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nieuw wachtwoord, nogmaals</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username or mobile:</source>
        <translation>&amp;Gebruikersnaam of gsm:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nieuw wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Nogmaals:</translation>
    </message>
    <message>
        <source>Give your username or mobile number.</source>
        <translation>Geef uw gebruikersnaam of gsm-nummer.</translation>
    </message>
    <message>
        <source>Give the code you received and a new password.</source>
        <translation>Geef de ontvangen code en een nieuw wachtwoord.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneDetail</name>
    <message>
        <source>SIP phones</source>
        <translation>SIP-toestellen</translation>
    </message>
    <message>
        <source>No phone selected</source>
        <translation>Geen toestel geselecteerd</translation>
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
        <translation>Toetsen in grijs cursief komen uit het toetsensjabloon van de groep van de gebruiker. Programmeer een toets om ze alleen op dit toestel te vervangen; ‘Overerven’ zet de toets van het sjabloon terug.</translation>
    </message>
    <message>
        <source>Program key…</source>
        <translation>Toets programmeren…</translation>
    </message>
    <message>
        <source>Choose what the selected key does</source>
        <translation>Kiezen wat de geselecteerde toets doet</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>Overerven</translation>
    </message>
    <message>
        <source>Remove this phone&apos;s own key: the key template&apos;s key applies again</source>
        <translation>De eigen toets van dit toestel verwijderen: de toets van het sjabloon geldt opnieuw</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneKeysModel</name>
    <message>
        <source>Not programmed</source>
        <translation>Niet geprogrammeerd</translation>
    </message>
    <message>
        <source>This phone (replaces template %1)</source>
        <extracomment>%1 the name of the key template whose key this phone&apos;s own key replaces</extracomment>
        <translation>Dit toestel (vervangt sjabloon %1)</translation>
    </message>
    <message>
        <source>This phone</source>
        <translation>Dit toestel</translation>
    </message>
    <message>
        <source>Inherited from template %1</source>
        <extracomment>%1 e.g. &quot;Sales keys (group Sales)&quot;</extracomment>
        <translation>Overgeërfd van sjabloon %1</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(gebruiker verwijderd)</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>column of a phone&apos;s keys: the key&apos;s number</extracomment>
        <translation>Toets</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label on the phone</source>
        <extracomment>column of a phone&apos;s keys: the text the phone shows next to the key</extracomment>
        <translation>Label op het toestel</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Belt</translation>
    </message>
    <message>
        <source>Comes from</source>
        <extracomment>column of a phone&apos;s keys: where the key comes from</extracomment>
        <translation>Herkomst</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloadQueue</name>
    <message>
        <source>reloaded</source>
        <translation>herladen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>geen antwoord</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>wijzigingen wachten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>Cancelled before the phone was asked; its changes wait.</source>
        <translation>Geannuleerd voordat het toestel gevraagd werd; de wijzigingen wachten.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloader</name>
    <message>
        <source>This version of Centrale cannot send SIP requests; the change stays queued for the phone.</source>
        <translation>Deze versie van Centrale kan geen SIP-verzoeken versturen; de wijziging blijft wachten voor het toestel.</translation>
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
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <extracomment>The phone has not received its latest settings yet</extracomment>
        <translation>Wachtende wijzigingen</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Bijgewerkt</translation>
    </message>
</context>
<context>
    <name>centrale::PhonesPage</name>
    <message>
        <source>Save and reload</source>
        <extracomment>The portal&apos;s button: saves the keys and has the phone reload its settings</extracomment>
        <translation>Opslaan en herladen</translation>
    </message>
    <message numerus="yes">
        <source>Sending the settings to %n phone(s)…</source>
        <translation>
            <numerusform>De instellingen worden naar %n toestel verzonden…</numerusform>
            <numerusform>De instellingen worden naar %n toestellen verzonden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Phone %1 of %2: sending the settings…</source>
        <extracomment>progress of &quot;Save and reload&quot;: %1 phones done out of %2</extracomment>
        <translation>Toestel %1 van %2: de instellingen worden verzonden…</translation>
    </message>
    <message numerus="yes">
        <source>Program a key on %n phone(s)</source>
        <translation>
            <numerusform>Een toets programmeren op %n toestel</numerusform>
            <numerusform>Een toets programmeren op %n toestellen</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no key template yet: create one with &quot;Key templates…&quot;.</source>
        <translation>Er is nog geen toetsensjabloon: maak er een aan met ‘Toetsensjablonen…’.</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys</source>
        <translation>De toetsen van een sjabloon kopiëren</translation>
    </message>
    <message numerus="yes">
        <source>Program the keys of this template on the %n selected phone(s), as their own keys:</source>
        <translation>
            <numerusform>De toetsen van dit sjabloon programmeren op het geselecteerde toestel (%n), als eigen toetsen:</numerusform>
            <numerusform>De toetsen van dit sjabloon programmeren op de %n geselecteerde toestellen, als eigen toetsen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the keys</source>
        <translation>Toetsen kopiëren</translation>
    </message>
    <message>
        <source>Provisioning file %1</source>
        <extracomment>%1 the file&apos;s name, e.g. 000413AABBCC.xml</extracomment>
        <translation>Provisioningbestand %1</translation>
    </message>
    <message>
        <source>What %1 (%2) receives when it reloads its settings, in %3&apos;s format.</source>
        <translation>Wat %1 (%2) ontvangt wanneer het zijn instellingen herlaadt, in het formaat van %3.</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>SIP-toestellen</translation>
    </message>
    <message>
        <source>Send the selected phones their settings and ask them to reload</source>
        <translation>De geselecteerde toestellen hun instellingen sturen en ze vragen te herladen</translation>
    </message>
    <message>
        <source>Program a key…</source>
        <translation>Een toets programmeren…</translation>
    </message>
    <message>
        <source>Program one key on every selected phone</source>
        <translation>Eén toets programmeren op elk geselecteerd toestel</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys…</source>
        <translation>De toetsen van een sjabloon kopiëren…</translation>
    </message>
    <message>
        <source>Program a key template&apos;s keys on every selected phone</source>
        <translation>De toetsen van een toetsensjabloon programmeren op elk geselecteerd toestel</translation>
    </message>
    <message>
        <source>Key templates…</source>
        <translation>Toetsensjablonen…</translation>
    </message>
    <message>
        <source>Sets of keys that the phones of a user group&apos;s members inherit</source>
        <translation>Sets toetsen die de toestellen van de leden van een gebruikersgroep overerven</translation>
    </message>
    <message>
        <source>Show provisioning file…</source>
        <translation>Provisioningbestand tonen…</translation>
    </message>
    <message>
        <source>The selected phone&apos;s settings file, as the phone receives it</source>
        <translation>Het instellingenbestand van het geselecteerde toestel, zoals het toestel het ontvangt</translation>
    </message>
</context>
<context>
    <name>centrale::PinDialog</name>
    <message>
        <source>Reset PIN</source>
        <translation>Pincode opnieuw instellen</translation>
    </message>
    <message>
        <source>The PIN is used on DECT phones and for free seating: 4 to 8 digits.</source>
        <translation>De pincode dient voor DECT-toestellen en flexplekken (free seating): 4 tot 8 cijfers.</translation>
    </message>
    <message>
        <source>Generate a PIN</source>
        <translation>Een pincode genereren</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nieuwe pincode</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Herhaal de pincode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>De twee pincodes verschillen.</translation>
    </message>
</context>
<context>
    <name>centrale::PromptDetail</name>
    <message>
        <source>Select a voice prompt to see its waveform.</source>
        <translation>Selecteer een spraakbericht om de golfvorm te zien.</translation>
    </message>
    <message>
        <source>Waveform of %1</source>
        <translation>Golfvorm van %1</translation>
    </message>
    <message>
        <source>This voice prompt has no audio yet: import or record it.</source>
        <translation>Dit spraakbericht heeft nog geen audio: importeer of neem het op.</translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation>Duur: %1 s</translation>
    </message>
    <message>
        <source>Levels: peak %1 dBFS, RMS %2 dBFS</source>
        <translation>Niveaus: piek %1 dBFS, RMS %2 dBFS</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Herkomst: %1</translation>
    </message>
    <message>
        <source>Source file: %1</source>
        <translation>Bronbestand: %1</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Tekst: %1</translation>
    </message>
    <message>
        <source>Not used by any calendar event.</source>
        <translation>Door geen enkele kalendergebeurtenis gebruikt.</translation>
    </message>
    <message>
        <source>Used by these calendar events:</source>
        <translation>Gebruikt door deze kalendergebeurtenissen:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Afspelen</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>Er is geen audio-uitvoerapparaat gevonden (geen geluidskaart of geluidsserver): het spraakbericht kan hier niet worden afgespeeld.</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Spraakbericht</translation>
    </message>
    <message>
        <source>Play or stop the voice prompt</source>
        <translation>Het spraakbericht afspelen of stoppen</translation>
    </message>
    <message>
        <source>Where the voice prompt is used</source>
        <translation>Waar het spraakbericht wordt gebruikt</translation>
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
    <name>centrale::PromptsPage</name>
    <message>
        <source>Delete voice prompt</source>
        <translation>Spraakbericht verwijderen</translation>
    </message>
    <message>
        <source>The voice prompt was deleted.</source>
        <translation>Het spraakbericht is verwijderd.</translation>
    </message>
    <message>
        <source>Delete the voice prompt %1? This cannot be undone.</source>
        <translation>Het spraakbericht %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behouden</translation>
    </message>
    <message>
        <source>Export voice prompt</source>
        <translation>Spraakbericht exporteren</translation>
    </message>
    <message>
        <source>WAV files (*.wav)</source>
        <translation>WAV-bestanden (*.wav)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>Nieuw spraakbericht</translation>
    </message>
    <message>
        <source>New voice prompt: import a file or record it (%1)</source>
        <translation>Nieuw spraakbericht: een bestand importeren of het opnemen (%1)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected voice prompt (%1)</source>
        <translation>Het geselecteerde spraakbericht verwijderen (%1)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Save the selected voice prompt as a WAV file (A-law, 8 kHz, mono)</source>
        <translation>Het geselecteerde spraakbericht opslaan als WAV-bestand (A-law, 8 kHz, mono)</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>Er is geen audio-uitvoerapparaat gevonden (geen geluidskaart of geluidsserver): het spraakbericht kan hier niet worden afgespeeld.</translation>
    </message>
    <message>
        <source>Play the selected voice prompt</source>
        <translation>Het geselecteerde spraakbericht afspelen</translation>
    </message>
</context>
<context>
    <name>centrale::ReloadResultsDialog</name>
    <message>
        <source>Save and reload</source>
        <translation>Opslaan en herladen</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-adres</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) reloaded their settings.</source>
        <translation>
            <numerusform>%n toestel heeft zijn instellingen herladen.</numerusform>
            <numerusform>%n toestellen hebben hun instellingen herladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) did not: their changes stay waiting and are sent at the next reload.</source>
        <translation>
            <numerusform>%n toestel niet: de wijzigingen blijven wachten en worden bij het volgende herladen verzonden.</numerusform>
            <numerusform>%n toestellen niet: de wijzigingen blijven wachten en worden bij het volgende herladen verzonden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::ScheduleEventsModel</name>
    <message>
        <source>This event never takes effect: events above it always cover it.</source>
        <translation>Deze gebeurtenis geldt nooit: de gebeurtenissen erboven dekken haar altijd af.</translation>
    </message>
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
        <source>Voice prompt</source>
        <translation>Spraakbericht</translation>
    </message>
</context>
<context>
    <name>centrale::SipNotifier</name>
    <message>
        <source>The phone has no network address: enter its IP address or host name.</source>
        <translation>De telefoon heeft geen netwerkadres: vul het IP-adres of de hostnaam in.</translation>
    </message>
    <message>
        <source>The phone at %1 has no valid SIP port (0).</source>
        <translation>De telefoon op %1 heeft geen geldige SIP-poort (0).</translation>
    </message>
    <message>
        <source>The SIP library could not be started.</source>
        <translation>De SIP-bibliotheek kon niet starten.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 could not be found: check the host name.</source>
        <translation>Het adres van de telefoon %1 is niet gevonden: controleer de hostnaam.</translation>
    </message>
    <message>
        <source>Could not open a network socket to reach the phone: %1</source>
        <translation>Kan geen netwerkverbinding openen om de telefoon te bereiken: %1</translation>
    </message>
    <message>
        <source>Could not build the request for the phone at %1.</source>
        <translation>Kan het verzoek voor de telefoon op %1 niet opstellen.</translation>
    </message>
    <message>
        <source>The phone reloaded its configuration.</source>
        <translation>De telefoon heeft zijn configuratie opnieuw geladen.</translation>
    </message>
    <message>
        <source>The phone refused: %1.</source>
        <translation>De telefoon weigerde: %1.</translation>
    </message>
    <message>
        <source>The phone asks for a SIP user name and password (%1), and none is set for it.</source>
        <translation>De telefoon vraagt een SIP-gebruikersnaam en -wachtwoord (%1), en er is er geen ingesteld.</translation>
    </message>
    <message>
        <source>The phone refused the SIP user name and password (%1).</source>
        <translation>De telefoon weigerde de SIP-gebruikersnaam en het wachtwoord (%1).</translation>
    </message>
    <message>
        <source>The phone asks for a kind of authentication that Centrale cannot answer (%1).</source>
        <translation>De telefoon vraagt een soort authenticatie waarop Centrale niet kan antwoorden (%1).</translation>
    </message>
    <message>
        <source>Could not send the request to the phone at %1.</source>
        <translation>Kan het verzoek niet naar de telefoon op %1 sturen.</translation>
    </message>
    <message>
        <source>No answer from the phone at %1.</source>
        <translation>Geen antwoord van de telefoon op %1.</translation>
    </message>
</context>
<context>
    <name>centrale::SyncController</name>
    <message>
        <source>The server is busy with this store: try again in a moment.</source>
        <translation>De server is bezig met deze database: probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>If this account exists, a code has been sent to its email address or mobile phone. Enter it below with a new password.</source>
        <translation>Als deze account bestaat, is er een code naar het e-mailadres of de gsm gestuurd. Vul ze hieronder in met een nieuw wachtwoord.</translation>
    </message>
    <message>
        <source>Your password has been changed. You can now log in with it.</source>
        <translation>Uw wachtwoord is gewijzigd. U kunt zich er nu mee aanmelden.</translation>
    </message>
    <message>
        <source>A sync is running: try again when it has finished.</source>
        <translation>Er loopt een synchronisatie: probeer opnieuw wanneer ze klaar is.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>Er is geen sessie voor %1 op %2: meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Centrale is not connected to a server: use Server › Connect to a server…</source>
        <translation>Centrale is niet verbonden met een server: gebruik Server › Verbinden met een server…</translation>
    </message>
    <message>
        <source>The server did not take the new prompt, so it cannot record it yet. See Server › Conflicts…</source>
        <translation>De server heeft het nieuwe spraakbericht niet aanvaard, dus kan hij het nog niet opnemen. Zie Server › Conflicten…</translation>
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
        <translation>Synchroniseren…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n wijziging wacht om verstuurd te worden</numerusform>
            <numerusform>%n wijzigingen wachten om verstuurd te worden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicten</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>laatste synchronisatie %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nooit gesynchroniseerd</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>○ not connected to a server</source>
        <translation>○ niet verbonden met een server</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● online</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbonden met %1 als %2</translation>
    </message>
    <message>
        <source>● offline — next try in %1</source>
        <translation>● offline — volgende poging over %1</translation>
    </message>
    <message>
        <source>● offline</source>
        <translation>● offline</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the sync after the changes on their way; what was sent or received is kept</source>
        <translation>De synchronisatie stoppen na de wijzigingen die onderweg zijn; wat verstuurd of ontvangen is, blijft behouden</translation>
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
    <name>centrale::UserDetail</name>
    <message>
        <source>Service settings that apply</source>
        <translation>Geldende dienstinstellingen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Komt van</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Geen gebruiker geselecteerd</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Direct number:</source>
        <translation>Rechtstreeks nummer:</translation>
    </message>
    <message>
        <source>Mobile number:</source>
        <translation>Gsm-nummer:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>User groups:</source>
        <translation>Gebruikersgroepen:</translation>
    </message>
    <message>
        <source>Desk phones:</source>
        <translation>Bureautoestellen:</translation>
    </message>
</context>
<context>
    <name>centrale::UserDialog</name>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Gebruiker bewerken</translation>
    </message>
    <message>
        <source>+32 4xx xx xx xx</source>
        <translation>+32 4xx xx xx xx</translation>
    </message>
    <message>
        <source>Load a photo…</source>
        <translation>Een foto laden…</translation>
    </message>
    <message>
        <source>A JPEG, ideally 400×400; any other picture is cropped and scaled to that size.</source>
        <translation>Een JPEG, bij voorkeur 400×400; elke andere afbeelding wordt bijgesneden en naar die grootte geschaald.</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>De foto verwijderen</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Geen foto</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Wachtwoord opnieuw instellen…</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>Pincode opnieuw instellen…</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Welkomstbericht versturen…</translation>
    </message>
    <message>
        <source>List available numbers</source>
        <translation>Beschikbare nummers tonen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Achternaam</translation>
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
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Rechtstreeks nummer</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Gebruikersgroepen</translation>
    </message>
    <message>
        <source>Tick the groups the user belongs to. The first group in the list decides the settings that the user does not set itself.</source>
        <translation>Vink de groepen aan waartoe de gebruiker behoort. De eerste groep in de lijst bepaalt de instellingen die de gebruiker zelf niet instelt.</translation>
    </message>
    <message>
        <source>Desk phones</source>
        <translation>Bureautoestellen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Edit user — %1</source>
        <translation>Gebruiker bewerken — %1</translation>
    </message>
    <message>
        <source>No direct number</source>
        <translation>Geen rechtstreeks nummer</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No desk phone</source>
        <translation>Geen bureautoestel</translation>
    </message>
    <message>
        <source>The pool has no free number left.</source>
        <translation>De pool heeft geen vrij nummer meer.</translation>
    </message>
    <message>
        <source>No mobile number: welcome messages then go by email.</source>
        <translation>Geen gsm-nummer: welkomstberichten gaan dan per e-mail.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
    <message>
        <source>Load a photo</source>
        <translation>Een foto laden</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>centrale::UserSearchDialog</name>
    <message>
        <source>Find a colleague</source>
        <translation>Een collega zoeken</translation>
    </message>
    <message>
        <source>Name, number or username</source>
        <translation>Naam, nummer of gebruikersnaam</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direct nummer</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Zoeken:</translation>
    </message>
    <message>
        <source>No user matches.</source>
        <translation>Geen enkele gebruiker komt overeen.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n users are shown: type more to narrow the search.</source>
        <translation>
            <numerusform>De eerste gebruiker (%n) wordt getoond: typ meer om de zoekopdracht te verfijnen.</numerusform>
            <numerusform>De eerste %n gebruikers worden getoond: typ meer om de zoekopdracht te verfijnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) found.</source>
        <translation>
            <numerusform>%n gebruiker gevonden.</numerusform>
            <numerusform>%n gebruikers gevonden.</numerusform>
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
    <message>
        <source>Desk phones</source>
        <translation>Bureautoestellen</translation>
    </message>
</context>
<context>
    <name>centrale::UsersPage</name>
    <message>
        <source>Mobile number changed</source>
        <translation>Gsm-nummer gewijzigd</translation>
    </message>
    <message>
        <source>The mobile number changed. Send the welcome message to the user?</source>
        <translation>Het gsm-nummer is gewijzigd. Het welkomstbericht naar de gebruiker versturen?</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Welkomstbericht versturen…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <source>There is no user group yet: create one under User groups.</source>
        <translation>Er is nog geen gebruikersgroep: maak er een aan onder Gebruikersgroepen.</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Aan groep toevoegen</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Uit groep verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Add the %n selected user(s) to the group:</source>
        <translation>
            <numerusform>De geselecteerde gebruiker aan de groep toevoegen:</numerusform>
            <numerusform>De %n geselecteerde gebruikers aan de groep toevoegen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected user(s) from the group:</source>
        <translation>
            <numerusform>De geselecteerde gebruiker uit de groep verwijderen:</numerusform>
            <numerusform>De %n geselecteerde gebruikers uit de groep verwijderen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>MAC address: %1</source>
        <translation>MAC-adres: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent to the phone: %1</source>
        <translation>Wijzigingen die nog naar het toestel moeten: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(gebruiker verwijderd)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Key %1 — %2: %3</source>
        <translation>Toets %1 — %2: %3</translation>
    </message>
    <message>
        <source>Phone settings</source>
        <translation>Instellingen van het toestel</translation>
    </message>
    <message>
        <source>No key is programmed.</source>
        <translation>Er is geen toets geprogrammeerd.</translation>
    </message>
    <message>
        <source>Programmed keys:</source>
        <translation>Geprogrammeerde toetsen:</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Edit user…</source>
        <translation>Gebruiker bewerken…</translation>
    </message>
    <message>
        <source>Edit the selected user; the arrow opens the other actions on the selected users</source>
        <translation>De geselecteerde gebruiker bewerken; het pijltje opent de andere acties op de geselecteerde gebruikers</translation>
    </message>
    <message>
        <source>Password, PIN, photo, names, email, groups, direct and mobile number, desk phones</source>
        <translation>Wachtwoord, pincode, foto, namen, e-mail, groepen, rechtstreeks en gsm-nummer, bureautoestellen</translation>
    </message>
    <message>
        <source>Send the selected users how to sign in and install the applications</source>
        <translation>De geselecteerde gebruikers laten weten hoe ze zich aanmelden en de toepassingen installeren</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>Aan groep toevoegen…</translation>
    </message>
    <message>
        <source>Add the selected users to a user group</source>
        <translation>De geselecteerde gebruikers aan een gebruikersgroep toevoegen</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>Uit groep verwijderen…</translation>
    </message>
    <message>
        <source>Remove the selected users from a user group</source>
        <translation>De geselecteerde gebruikers uit een gebruikersgroep verwijderen</translation>
    </message>
    <message>
        <source>In every column</source>
        <translation>In alle kolommen</translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation>In: %1</translation>
    </message>
    <message>
        <source>Column to filter</source>
        <translation>Te filteren kolom</translation>
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
        <translation>%1: %2 (standaardstatus)</translation>
    </message>
    <message>
        <source>%1: %2, event “%3”</source>
        <extracomment>%1 is a time span, %2 open or closed, %3 the deciding event&apos;s title</extracomment>
        <translation>%1: %2, gebeurtenis ‘%3’</translation>
    </message>
</context>
<context>
    <name>centrale::WelcomeDialog</name>
    <message>
        <source>Welcome message</source>
        <translation>Welkomstbericht</translation>
    </message>
    <message>
        <source>How to sign in to the web portal</source>
        <translation>Hoe aanmelden op het webportaal</translation>
    </message>
    <message>
        <source>Where to download the smartphone app and how to set it up</source>
        <translation>Waar de smartphone-app downloaden en hoe ze instellen</translation>
    </message>
    <message>
        <source>Where to download the PC softphone and how to set it up</source>
        <translation>Waar de pc-softphone downloaden en hoe hem instellen</translation>
    </message>
    <message>
        <source>Select one or more accesses. The message tells the user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>Selecteer een of meer toegangen. Het bericht legt de gebruiker uit hoe hij zich aanmeldt of de toepassing installeert, met de gebruikersnaam en een link om een wachtwoord te kiezen.</translation>
    </message>
    <message numerus="yes">
        <source>Select one or more accesses for the %n selected user(s). The message tells each user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>
            <numerusform>Selecteer een of meer toegangen voor de geselecteerde gebruiker (%n). Het bericht legt elke gebruiker uit hoe hij zich aanmeldt of de toepassing installeert, met de gebruikersnaam en een link om een wachtwoord te kiezen.</numerusform>
            <numerusform>Selecteer een of meer toegangen voor de %n geselecteerde gebruikers. Het bericht legt elke gebruiker uit hoe hij zich aanmeldt of de toepassing installeert, met de gebruikersnaam en een link om een wachtwoord te kiezen.</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Toegang</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Queued: by email to %1</source>
        <translation>In de wachtrij: per e-mail naar %1</translation>
    </message>
    <message>
        <source>Queued: by SMS to %1</source>
        <translation>In de wachtrij: per sms naar %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Niet verstuurd: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) cannot be sent.</source>
        <translation>
            <numerusform>%n bericht kan niet worden verstuurd.</numerusform>
            <numerusform>%n berichten kunnen niet worden verstuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>They are sent when Centrale is connected to the server; until then they wait with the other changes.</source>
        <translation>Ze worden verstuurd zodra Centrale met de server verbonden is; tot dan wachten ze met de andere wijzigingen.</translation>
    </message>
    <message>
        <source>Sending through the server…</source>
        <translation>Versturen via de server…</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). The messages wait with the other changes and are sent at the next sync.</source>
        <translation>De server is niet bereikbaar (%1). De berichten wachten met de andere wijzigingen en worden bij de volgende synchronisatie verstuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued.</source>
        <translation>
            <numerusform>%n bericht in de wachtrij.</numerusform>
            <numerusform>%n berichten in de wachtrij.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent by SMS to %1</source>
        <translation>Verstuurd per sms naar %1</translation>
    </message>
    <message>
        <source>Sent by email to %1</source>
        <translation>Verstuurd per e-mail naar %1</translation>
    </message>
    <message>
        <source>by SMS to %1</source>
        <translation>per sms naar %1</translation>
    </message>
    <message>
        <source>by email to %1</source>
        <translation>per e-mail naar %1</translation>
    </message>
    <message>
        <source>Queued: %1, about to be sent</source>
        <translation>In de wachtrij: %1, wordt zo verstuurd</translation>
    </message>
    <message>
        <source>Queued for another attempt, %1: %2</source>
        <translation>In de wachtrij voor een nieuwe poging, %1: %2</translation>
    </message>
    <message>
        <source>the server gave no reason</source>
        <translation>de server gaf geen reden</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n bericht verstuurd.</numerusform>
            <numerusform>%n berichten verstuurd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued: the server tries again, and this window checks every few seconds.</source>
        <translation>
            <numerusform>%n bericht in de wachtrij: de server probeert opnieuw, en dit venster kijkt om de paar seconden na.</numerusform>
            <numerusform>%n berichten in de wachtrij: de server probeert opnieuw, en dit venster kijkt om de paar seconden na.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not sent.</source>
        <translation>
            <numerusform>%n bericht niet verstuurd.</numerusform>
            <numerusform>%n berichten niet verstuurd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::server::CallRecorder</name>
    <message>
        <source>The phone&apos;s address %1 cannot be resolved.</source>
        <translation>Het adres %1 van de telefoon kan niet worden opgezocht.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 cannot be reached from this server.</source>
        <translation>Het adres %1 van de telefoon is vanaf deze server niet bereikbaar.</translation>
    </message>
    <message>
        <source>The SIP stack could not start (error %1).</source>
        <translation>De SIP-stack kon niet starten (fout %1).</translation>
    </message>
</context>
<context>
    <name>centrale::server::HttpServer</name>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>Kan het certificaat %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 bevat geen PEM-certificaat.</translation>
    </message>
    <message>
        <source>Cannot read the key %1: %2</source>
        <translation>Kan de sleutel %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation>%1 bevat geen persoonlijke PEM-sleutel (RSA of EC).</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, for example 127.0.0.1:8443.</source>
        <translation>--listen neemt HOST:POORT, bijvoorbeeld 127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>The port in --listen must be a number from 0 to 65535.</source>
        <translation>De poort in --listen moet een getal van 0 tot 65535 zijn.</translation>
    </message>
    <message>
        <source>%1 is not an IP address to listen on.</source>
        <translation>%1 is geen IP-adres om op te luisteren.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (is the port in use?).</source>
        <translation>Kan niet luisteren op %1:%2 (is de poort in gebruik?).</translation>
    </message>
</context>
</TS>
