<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add event “%1”</source>
        <translation>Add event “%1”</translation>
    </message>
</context>
<context>
    <name>AddEventsCommand</name>
    <message>
        <source>The event “%1” could not be added, so none was: %2</source>
        <extracomment>%1 is an event&apos;s title, %2 the reason</extracomment>
        <translation>The event “%1” could not be added, so none was: %2</translation>
    </message>
</context>
<context>
    <name>Api</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>The request body is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>The request body must be application/json.</source>
        <translation>The request body must be application/json.</translation>
    </message>
    <message>
        <source>The JSON is nested more than %1 levels deep.</source>
        <translation>The JSON is nested more than %1 levels deep.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON (at byte %1).</source>
        <translation>The request body is not valid JSON (at byte %1).</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>The request body must be a JSON object.</translation>
    </message>
    <message>
        <source>The JSON holds a NUL character, which no field accepts.</source>
        <translation>The JSON holds a NUL character, which no field accepts.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>There is nothing at this address.</translation>
    </message>
    <message>
        <source>The method %1 is not allowed here.</source>
        <translation>The method %1 is not allowed here.</translation>
    </message>
    <message>
        <source>The server cannot reach its database.</source>
        <translation>The server cannot reach its database.</translation>
    </message>
    <message>
        <source>Every write needs an Idempotency-Key header of 8 to 128 characters.</source>
        <translation>Every write needs an Idempotency-Key header of 8 to 128 characters.</translation>
    </message>
    <message>
        <source>This Idempotency-Key was already used for another request.</source>
        <translation>This Idempotency-Key was already used for another request.</translation>
    </message>
    <message>
        <source>Unknown organisation.</source>
        <translation>Unknown organisation.</translation>
    </message>
    <message>
        <source>The organisation %1 already exists.</source>
        <translation>The organisation %1 already exists.</translation>
    </message>
    <message>
        <source>There is no organisation %1 on this server.</source>
        <translation>There is no organisation %1 on this server.</translation>
    </message>
    <message>
        <source>The username %1 belongs to another organisation.</source>
        <translation>The username %1 belongs to another organisation.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Log in first: this request needs a bearer token.</source>
        <translation>Log in first: this request needs a bearer token.</translation>
    </message>
    <message>
        <source>This session is unknown or was closed: log in again.</source>
        <translation>This session is unknown or was closed: log in again.</translation>
    </message>
    <message>
        <source>The session has expired: log in again.</source>
        <translation>The session has expired: log in again.</translation>
    </message>
    <message>
        <source>You do not administer this organisation.</source>
        <translation>You do not administer this organisation.</translation>
    </message>
    <message>
        <source>Only an administrator of the organisation can do this.</source>
        <translation>Only an administrator of the organisation can do this.</translation>
    </message>
    <message>
        <source>Enter your password again to open the administrator view.</source>
        <translation>Enter your password again to open the administrator view.</translation>
    </message>
    <message>
        <source>Give a username and a password.</source>
        <translation>Give a username and a password.</translation>
    </message>
    <message>
        <source>Give a username or a mobile number.</source>
        <translation>Give a username or a mobile number.</translation>
    </message>
    <message>
        <source>Give the password.</source>
        <translation>Give the password.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts: try again in %n second.</numerusform>
            <numerusform>Too many attempts: try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The username or the password is wrong.</source>
        <translation>The username or the password is wrong.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>The password is wrong.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number.</source>
        <translation>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number.</translation>
    </message>
    <message>
        <source>Give the code received and the new password.</source>
        <translation>Give the code received and the new password.</translation>
    </message>
    <message>
        <source>This code is not valid: it was already used, has expired or is wrong.</source>
        <translation>This code is not valid: it was already used, has expired or is wrong.</translation>
    </message>
    <message>
        <source>There is no such record.</source>
        <translation>There is no such record.</translation>
    </message>
    <message>
        <source>The id in the body is not the one in the address.</source>
        <translation>The id in the body is not the one in the address.</translation>
    </message>
    <message>
        <source>The record belongs to the record in the address.</source>
        <translation>The record belongs to the record in the address.</translation>
    </message>
    <message>
        <source>The record was changed by someone else since you read it (now version %1).</source>
        <translation>The record was changed by someone else since you read it (now version %1).</translation>
    </message>
    <message>
        <source>A change needs If-Match with the version it is based on, or If-None-Match: * to create.</source>
        <translation>A change needs If-Match with the version it is based on, or If-None-Match: * to create.</translation>
    </message>
    <message>
        <source>The field %1 refers to a record that does not exist.</source>
        <translation>The field %1 refers to a record that does not exist.</translation>
    </message>
    <message>
        <source>Another record already uses %1.</source>
        <translation>Another record already uses %1.</translation>
    </message>
    <message>
        <source>An organisation is not deleted through the API.</source>
        <translation>An organisation is not deleted through the API.</translation>
    </message>
    <message>
        <source>A deletion needs If-Match with the version it is based on.</source>
        <translation>A deletion needs If-Match with the version it is based on.</translation>
    </message>
    <message>
        <source>This record is still used by a record of type %1 (%2): change that one first.</source>
        <translation>This record is still used by a record of type %1 (%2): change that one first.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 1000.</source>
        <translation>limit must be a whole number from 1 to 1000.</translation>
    </message>
    <message>
        <source>This list can be sorted by %1 only.</source>
        <translation>This list can be sorted by %1 only.</translation>
    </message>
    <message>
        <source>The cursor is not one this server gave.</source>
        <translation>The cursor is not one this server gave.</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to 5000.</source>
        <translation>limit must be a whole number from 1 to 5000.</translation>
    </message>
    <message>
        <source>Unknown entity %1.</source>
        <translation>Unknown entity %1.</translation>
    </message>
    <message>
        <source>This cursor is older than the deletions the server keeps: pull everything again from the start.</source>
        <translation>This cursor is older than the deletions the server keeps: pull everything again from the start.</translation>
    </message>
    <message>
        <source>A batch needs a list of operations.</source>
        <translation>A batch needs a list of operations.</translation>
    </message>
    <message>
        <source>A batch holds at most %1 operations.</source>
        <translation>A batch holds at most %1 operations.</translation>
    </message>
    <message>
        <source>onError must be stop or continue.</source>
        <translation>onError must be stop or continue.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s method is PUT, POST or DELETE.</source>
        <translation>A batch operation&apos;s method is PUT, POST or DELETE.</translation>
    </message>
    <message>
        <source>A batch operation&apos;s path is a record of the organisation.</source>
        <translation>A batch operation&apos;s path is a record of the organisation.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override is only honoured on POST.</source>
        <translation>X-HTTP-Method-Override is only honoured on POST.</translation>
    </message>
    <message>
        <source>X-HTTP-Method-Override takes PUT or DELETE.</source>
        <translation>X-HTTP-Method-Override takes PUT or DELETE.</translation>
    </message>
    <message>
        <source>Reload at most %1 phones at a time.</source>
        <translation>Reload at most %1 phones at a time.</translation>
    </message>
    <message>
        <source>Name the phones to reload, by id or MAC address.</source>
        <translation>Name the phones to reload, by id or MAC address.</translation>
    </message>
    <message>
        <source>There is no phone %1.</source>
        <translation>There is no phone %1.</translation>
    </message>
    <message>
        <source>This change needs If-Match with the version of the record it changes.</source>
        <translation>This change needs If-Match with the version of the record it changes.</translation>
    </message>
    <message>
        <source>This user has no photo.</source>
        <translation>This user has no photo.</translation>
    </message>
    <message>
        <source>A photo is sent as image/jpeg.</source>
        <translation>A photo is sent as image/jpeg.</translation>
    </message>
    <message>
        <source>The user has no e-mail address: add one, or send by SMS.</source>
        <translation>The user has no e-mail address: add one, or send by SMS.</translation>
    </message>
    <message>
        <source>The user has no mobile number: add one, or send by e-mail.</source>
        <translation>The user has no mobile number: add one, or send by e-mail.</translation>
    </message>
    <message>
        <source>Choose one or more of web, mobile and softphone, each once.</source>
        <translation>Choose one or more of web, mobile and softphone, each once.</translation>
    </message>
    <message>
        <source>delivery must be auto, email or sms.</source>
        <translation>delivery must be auto, email or sms.</translation>
    </message>
    <message>
        <source>Welcome at most %1 users at a time.</source>
        <translation>Welcome at most %1 users at a time.</translation>
    </message>
    <message>
        <source>Name the users to welcome, by id or username.</source>
        <translation>Name the users to welcome, by id or username.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>There is no user %1.</translation>
    </message>
    <message>
        <source>status must be sent, queued or failed.</source>
        <translation>status must be sent, queued or failed.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>There is no such message.</translation>
    </message>
    <message>
        <source>Give exactly one of userId and functionId.</source>
        <translation>Give exactly one of userId and functionId.</translation>
    </message>
    <message>
        <source>The number %1 is already assigned: release it first.</source>
        <translation>The number %1 is already assigned: release it first.</translation>
    </message>
    <message>
        <source>This assignee already has the number %1.</source>
        <translation>This assignee already has the number %1.</translation>
    </message>
    <message>
        <source>This prompt has no audio yet.</source>
        <translation>This prompt has no audio yet.</translation>
    </message>
    <message>
        <source>Prompt audio is sent as audio/wav.</source>
        <translation>Prompt audio is sent as audio/wav.</translation>
    </message>
    <message>
        <source>at is a local time such as 2027-01-01T08:30:00.</source>
        <translation>at is a local time such as 2027-01-01T08:30:00.</translation>
    </message>
    <message>
        <source>transitions must be a whole number from 0 to 50.</source>
        <translation>transitions must be a whole number from 0 to 50.</translation>
    </message>
    <message>
        <source>A calendar is sent as text/calendar.</source>
        <translation>A calendar is sent as text/calendar.</translation>
    </message>
    <message>
        <source>mode must be replace or append.</source>
        <translation>mode must be replace or append.</translation>
    </message>
    <message>
        <source>The calendar cannot be imported: %1</source>
        <translation>The calendar cannot be imported: %1</translation>
    </message>
    <message>
        <source>The event &quot;%1&quot; cannot be imported: %2</source>
        <translation>The event &quot;%1&quot; cannot be imported: %2</translation>
    </message>
    <message>
        <source>Nobody answered the phone.</source>
        <translation>Nobody answered the phone.</translation>
    </message>
    <message>
        <source>The phone was busy.</source>
        <translation>The phone was busy.</translation>
    </message>
    <message>
        <source>The call was declined.</source>
        <translation>The call was declined.</translation>
    </message>
    <message>
        <source>The call ended before the beep: nothing was recorded.</source>
        <translation>The call ended before the beep: nothing was recorded.</translation>
    </message>
    <message>
        <source>The recording lasted less than half a second.</source>
        <translation>The recording lasted less than half a second.</translation>
    </message>
    <message>
        <source>This user has no desk phone with a SIP address to call.</source>
        <translation>This user has no desk phone with a SIP address to call.</translation>
    </message>
    <message>
        <source>The recording could not be stored as a voice prompt.</source>
        <translation>The recording could not be stored as a voice prompt.</translation>
    </message>
    <message>
        <source>The call could not be made; the server&apos;s log tells why.</source>
        <translation>The call could not be made; the server&apos;s log tells why.</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Choose the user whose phone is called.</translation>
    </message>
    <message>
        <source>There is no user %1 in this organisation.</source>
        <translation>There is no user %1 in this organisation.</translation>
    </message>
    <message>
        <source>This voice prompt is already being recorded by a call.</source>
        <translation>This voice prompt is already being recorded by a call.</translation>
    </message>
    <message>
        <source>There is no such call.</source>
        <translation>There is no such call.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>no details</translation>
    </message>
    <message>
        <source>No mail server is configured on the Centrale server: the message waits until one is (centrale-server serve --smtp).</source>
        <translation>No mail server is configured on the Centrale server: the message waits until one is (centrale-server serve --smtp).</translation>
    </message>
    <message>
        <source>No SMS gateway is configured on the Centrale server: the message waits until one is (centrale-server serve --sms-gateway).</source>
        <translation>No SMS gateway is configured on the Centrale server: the message waits until one is (centrale-server serve --sms-gateway).</translation>
    </message>
    <message numerus="yes">
        <source>The mail server could not take the message after %n attempt(s) (%1): check the server&apos;s mail settings, then send the message again.</source>
        <translation>
            <numerusform>The mail server could not take the message after %n attempt (%1): check the server&apos;s mail settings, then send the message again.</numerusform>
            <numerusform>The mail server could not take the message after %n attempts (%1): check the server&apos;s mail settings, then send the message again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail server cannot take the message for now (%1); another attempt is planned.</source>
        <translation>The mail server cannot take the message for now (%1); another attempt is planned.</translation>
    </message>
    <message numerus="yes">
        <source>The SMS gateway could not take the message after %n attempt(s) (%1): check the server&apos;s SMS settings, then send the message again.</source>
        <translation>
            <numerusform>The SMS gateway could not take the message after %n attempt (%1): check the server&apos;s SMS settings, then send the message again.</numerusform>
            <numerusform>The SMS gateway could not take the message after %n attempts (%1): check the server&apos;s SMS settings, then send the message again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SMS gateway cannot take the message for now (%1); another attempt is planned.</source>
        <translation>The SMS gateway cannot take the message for now (%1); another attempt is planned.</translation>
    </message>
    <message>
        <source>The message was refused (%1): check the user&apos;s e-mail address or mobile number, then send it again.</source>
        <translation>The message was refused (%1): check the user&apos;s e-mail address or mobile number, then send it again.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid: correct it, then send the message again.</source>
        <translation>The e-mail address is not valid: correct it, then send the message again.</translation>
    </message>
    <message>
        <source>The mobile number is not valid: correct it, then send the message again.</source>
        <translation>The mobile number is not valid: correct it, then send the message again.</translation>
    </message>
    <message>
        <source>The code expired before the message could be sent: send the message again.</source>
        <translation>The code expired before the message could be sent: send the message again.</translation>
    </message>
    <message>
        <source>pinHash must be an Argon2id hash.</source>
        <translation>pinHash must be an Argon2id hash.</translation>
    </message>
    <message>
        <source>passwordHash must be an Argon2id hash.</source>
        <translation>passwordHash must be an Argon2id hash.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The store file to open (default: the per-user store).</source>
        <translation>The store file to open (default: the per-user store).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>The language of the interface: fr, nl or en.</source>
        <translation>The language of the interface: fr, nl or en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>%1 is not a language Centrale speaks; use fr, nl or en.</source>
        <translation>%1 is not a language Centrale speaks; use fr, nl or en.</translation>
    </message>
    <message>
        <source>Centrale</source>
        <translation>Centrale</translation>
    </message>
    <message>
        <source>The store %1 cannot be opened.

%2</source>
        <translation>The store %1 cannot be opened.

%2</translation>
    </message>
    <message>
        <source>The demo organisation could not be created.

%1</source>
        <translation>The demo organisation could not be created.

%1</translation>
    </message>
</context>
<context>
    <name>BulkCommands</name>
    <message>
        <source>Check the file and print what would change; write nothing.</source>
        <translation>Check the file and print what would change; write nothing.</translation>
    </message>
    <message>
        <source>Import the valid rows even when some rows are rejected (those are skipped).</source>
        <translation>Import the valid rows even when some rows are rejected (those are skipped).</translation>
    </message>
    <message>
        <source>Separate the columns with commas (default: semicolons, as Excel in Belgium).</source>
        <translation>Separate the columns with commas (default: semicolons, as Excel in Belgium).</translation>
    </message>
    <message>
        <source>Only the contacts of one level: organisation, group or user.</source>
        <translation>Only the contacts of one level: organisation, group or user.</translation>
    </message>
    <message>
        <source>level</source>
        <extracomment>placeholder of --scope: organisation, group or user</extracomment>
        <translation>level</translation>
    </message>
    <message>
        <source>With --scope group or user: the group&apos;s name or the username.</source>
        <translation>With --scope group or user: the group&apos;s name or the username.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Columns not understood (ignored): %1</source>
        <translation>Columns not understood (ignored): %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Import a file.</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8; comma or semicolon).</source>
        <translation>The CSV file (UTF-8; comma or semicolon).</translation>
    </message>
    <message>
        <source>Give exactly one CSV file.</source>
        <translation>Give exactly one CSV file.</translation>
    </message>
    <message>
        <source>Skipped the rejected rows on lines %1.</source>
        <translation>Skipped the rejected rows on lines %1.</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Imported: %1 created, %2 updated.</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Unknown or missing action.</translation>
    </message>
    <message>
        <source>Export every user, with groups and direct number, to a CSV file (UTF-8 with BOM, see docs/csv.md).</source>
        <translation>Export every user, with groups and direct number, to a CSV file (UTF-8 with BOM, see docs/csv.md).</translation>
    </message>
    <message>
        <source>Export to a file.</source>
        <translation>Export to a file.</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>The CSV file to write.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1.</source>
        <translation>
            <numerusform>Exported %n user to %1.</numerusform>
            <numerusform>Exported %n users to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts to a CSV file (UTF-8 with BOM, see docs/csv.md): all, or one level with --scope and --owner.</source>
        <translation>Export contacts to a CSV file (UTF-8 with BOM, see docs/csv.md): all, or one level with --scope and --owner.</translation>
    </message>
    <message>
        <source>--owner needs --scope group or --scope user.</source>
        <translation>--owner needs --scope group or --scope user.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>Exported %n contact to %1.</numerusform>
            <numerusform>Exported %n contacts to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import users from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Import users from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</source>
        <translation>Import contacts from a CSV file (see docs/csv.md). The file is checked first; nothing is written unless every row is valid or --skip-rejected is given.</translation>
    </message>
    <message>
        <source>Checking the file: %1%</source>
        <translation>Checking the file: %1%</translation>
    </message>
    <message>
        <source>Importing: %1%</source>
        <translation>Importing: %1%</translation>
    </message>
</context>
<context>
    <name>CalendarCommands</name>
    <message>
        <source>--%1: %2 is not a date and time; write it in ISO 8601, e.g. 2027-01-01T10:00:00 (local time) or 2027-03-29T08:45:00+02:00.</source>
        <translation>--%1: %2 is not a date and time; write it in ISO 8601, e.g. 2027-01-01T10:00:00 (local time) or 2027-03-29T08:45:00+02:00.</translation>
    </message>
    <message>
        <source>Show and change the calendar of a function number.</source>
        <translation>Show and change the calendar of a function number.</translation>
    </message>
    <message>
        <source>The function number, in any usual format (e.g. &quot;02 300 00 00&quot;).</source>
        <translation>The function number, in any usual format (e.g. &quot;02 300 00 00&quot;).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>The instant to ask about (ISO 8601; default: now).</source>
        <translation>The instant to ask about (ISO 8601; default: now).</translation>
    </message>
    <message>
        <source>when</source>
        <translation>when</translation>
    </message>
    <message>
        <source>Start of the period (ISO 8601).</source>
        <translation>Start of the period (ISO 8601).</translation>
    </message>
    <message>
        <source>End of the period (ISO 8601).</source>
        <translation>End of the period (ISO 8601).</translation>
    </message>
    <message>
        <source>State of the imported events: open or closed (default: as in the file, else closed).</source>
        <translation>State of the imported events: open or closed (default: as in the file, else closed).</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>Name of the voice prompt the imported events play (default: as in the file).</source>
        <translation>Name of the voice prompt the imported events play (default: as in the file).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>First year of holidays.</source>
        <translation>First year of holidays.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>year</translation>
    </message>
    <message>
        <source>Last year of holidays.</source>
        <translation>Last year of holidays.</translation>
    </message>
    <message>
        <source>Also the communities&apos; holidays (11 July, 27 September, 15 November).</source>
        <translation>Also the communities&apos; holidays (11 July, 27 September, 15 November).</translation>
    </message>
    <message>
        <source>default, events, state, transitions, import, export or holidays.</source>
        <translation>default, events, state, transitions, import, export or holidays.</translation>
    </message>
    <message>
        <source>Unknown or missing action; use one of: %1.</source>
        <translation>Unknown or missing action; use one of: %1.</translation>
    </message>
    <message>
        <source>Say which function number with --number, e.g. --number &quot;02 300 00 00&quot;.</source>
        <translation>Say which function number with --number, e.g. --number &quot;02 300 00 00&quot;.</translation>
    </message>
    <message>
        <source>transitions needs --from and --to.</source>
        <translation>transitions needs --from and --to.</translation>
    </message>
    <message>
        <source>--to must come after --from.</source>
        <translation>--to must come after --from.</translation>
    </message>
    <message>
        <source>import needs the .ics file to read, e.g. calendar import holidays.ics --number N.</source>
        <translation>import needs the .ics file to read, e.g. calendar import holidays.ics --number N.</translation>
    </message>
    <message>
        <source>export needs the .ics file to write, e.g. calendar export --number N calendar.ics.</source>
        <translation>export needs the .ics file to write, e.g. calendar export --number N calendar.ics.</translation>
    </message>
    <message>
        <source>default needs open or closed.</source>
        <translation>default needs open or closed.</translation>
    </message>
    <message>
        <source>holidays needs --from-year and --to-year.</source>
        <translation>holidays needs --from-year and --to-year.</translation>
    </message>
    <message>
        <source>%1 (%2) is now %3 when no event applies.</source>
        <translation>%1 (%2) is now %3 when no event applies.</translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>Column headers of &quot;calendar events&quot;; &quot;#&quot; is the priority (1 = first)</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Default state: %1</source>
        <translation>Default state: %1</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: %4</source>
        <translation>%1 (%2) at %3: %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>Decided by: %1</translation>
    </message>
    <message>
        <source>the default state</source>
        <translation>the default state</translation>
    </message>
    <message>
        <source>(default state)</source>
        <translation>(default state)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>There is no file %1.</translation>
    </message>
    <message>
        <source>Imported into %1 (%2): %3</source>
        <translation>Imported into %1 (%2): %3</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Skipped: %1</translation>
    </message>
    <message>
        <source>Exported the calendar of %1 (%2 events) to %3.</source>
        <translation>Exported the calendar of %1 (%2 events) to %3.</translation>
    </message>
    <message>
        <source>Give years between 1900 and 2200, --from-year not after --to-year, at most 100 years at once (got %1 to %2).</source>
        <translation>Give years between 1900 and 2200, --from-year not after --to-year, at most 100 years at once (got %1 to %2).</translation>
    </message>
    <message>
        <source>Added %1 holidays (%2 to %3) at the top of the calendar of %4.</source>
        <translation>Added %1 holidays (%2 to %3) at the top of the calendar of %4.</translation>
    </message>
    <message>
        <source>Create a function number.</source>
        <translation>Create a function number.</translation>
    </message>
    <message>
        <source>Its name, e.g. Reception.</source>
        <translation>Its name, e.g. Reception.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>add NUMBER: the number, in any usual format.</source>
        <translation>add NUMBER: the number, in any usual format.</translation>
    </message>
    <message>
        <source>Usage: functions add NUMBER --name TEXT</source>
        <translation>Usage: functions add NUMBER --name TEXT</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2), taken from the pool.</source>
        <translation>Created the function number %1 (%2), taken from the pool.</translation>
    </message>
    <message>
        <source>Created the function number %1 (%2).</source>
        <translation>Created the function number %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CallInstructions</name>
    <message>
        <source>The spoken instruction %1 cannot be used: %2</source>
        <translation>The spoken instruction %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>The folder of spoken instructions %1 does not exist.</source>
        <translation>The folder of spoken instructions %1 does not exist.</translation>
    </message>
    <message>
        <source>The spoken instruction %1 is missing: the folder needs fr.wav, nl.wav and en.wav.</source>
        <translation>The spoken instruction %1 is missing: the folder needs fr.wav, nl.wav and en.wav.</translation>
    </message>
</context>
<context>
    <name>CliIo</name>
    <message>
        <source>There is no store at %1. Create one with: centrale-cli demo --store %1</source>
        <translation>There is no store at %1. Create one with: centrale-cli demo --store %1</translation>
    </message>
</context>
<context>
    <name>CliParser</name>
    <message>
        <source>The store file to use (default: the per-user store).</source>
        <translation>The store file to use (default: the per-user store).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Print the result as JSON.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown option %1.</source>
        <translation>Unknown option %1.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Unknown command %1.</translation>
    </message>
    <message>
        <source>Create the demo organisation in a new store.</source>
        <translation>Create the demo organisation in a new store.</translation>
    </message>
    <message>
        <source>Number of users (default 48; up to 500 000 for scale work).</source>
        <translation>Number of users (default 48; up to 500 000 for scale work).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>--users needs a positive whole number, not %1.</source>
        <translation>--users needs a positive whole number, not %1.</translation>
    </message>
    <message>
        <source>%1 already exists; the demo is created in a new store only.</source>
        <translation>%1 already exists; the demo is created in a new store only.</translation>
    </message>
    <message>
        <source>Creating the demo organisation: %1%</source>
        <translation>Creating the demo organisation: %1%</translation>
    </message>
    <message>
        <source>Created %1 in %2: %3 users, %4 groups, %5 contacts, %6 numbers, %7 function numbers, %8 phones (%9 s).</source>
        <translation>Created %1 in %2: %3 users, %4 groups, %5 contacts, %6 numbers, %7 function numbers, %8 phones (%9 s).</translation>
    </message>
    <message>
        <source>Unknown or missing action; try: list.</source>
        <translation>Unknown or missing action; try: list.</translation>
    </message>
    <message>
        <source>List users.</source>
        <translation>List users.</translation>
    </message>
    <message>
        <source>Only users whose name, username, email or number contains the text.</source>
        <translation>Only users whose name, username, email or number contains the text.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Sort by lastName, firstName, username, email, mobile or directNumber.</source>
        <translation>Sort by lastName, firstName, username, email, mobile or directNumber.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>Sort in descending order.</source>
        <translation>Sort in descending order.</translation>
    </message>
    <message>
        <source>Show at most this many users.</source>
        <translation>Show at most this many users.</translation>
    </message>
    <message>
        <source>Skip this many users first.</source>
        <translation>Skip this many users first.</translation>
    </message>
    <message>
        <source>%1 is not a sort key; use one of: %2.</source>
        <translation>%1 is not a sort key; use one of: %2.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direct number</translation>
    </message>
    <message>
        <source>List user groups.</source>
        <translation>List user groups.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>List contacts.</source>
        <translation>List contacts.</translation>
    </message>
    <message>
        <source>The contacts this user sees: the organisation&apos;s, its groups&apos; and its own.</source>
        <translation>The contacts this user sees: the organisation&apos;s, its groups&apos; and its own.</translation>
    </message>
    <message>
        <source>username</source>
        <translation>username</translation>
    </message>
    <message>
        <source>Only contacts whose name, company, email or number contains the text.</source>
        <translation>Only contacts whose name, company, email or number contains the text.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Defined for</translation>
    </message>
    <message>
        <source>List the pool of direct numbers.</source>
        <translation>List the pool of direct numbers.</translation>
    </message>
    <message>
        <source>Only the numbers that are not assigned.</source>
        <translation>Only the numbers that are not assigned.</translation>
    </message>
    <message>
        <source>List numbers.</source>
        <translation>List numbers.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>List function numbers.</source>
        <translation>List function numbers.</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Default state</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
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
        <translation>Usage: centrale-cli [--store PATH] [--json] COMMAND [OPTIONS]

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
        <translation>User group</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>%1 is not a contact level; use organisation, group or user.</source>
        <translation>%1 is not a contact level; use organisation, group or user.</translation>
    </message>
    <message>
        <source>A contact needs a first name, a last name or a company.</source>
        <translation>A contact needs a first name, a last name or a company.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>An organisation contact cannot belong to a group or a user.</source>
        <translation>An organisation contact cannot belong to a group or a user.</translation>
    </message>
    <message>
        <source>Choose the group or the user this contact belongs to.</source>
        <translation>Choose the group or the user this contact belongs to.</translation>
    </message>
    <message>
        <source>Add at least one phone number (always in the +32 format).</source>
        <translation>Add at least one phone number (always in the +32 format).</translation>
    </message>
    <message>
        <source>Number label</source>
        <translation>Number label</translation>
    </message>
</context>
<context>
    <name>ContactCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>The row has %1 fields but the header names %2 columns; check the separators and quotes.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>There is no user group %1; create it first or correct the name.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>There is no user %1.</translation>
    </message>
    <message>
        <source>An organisation contact has no owner; leave the owner column empty.</source>
        <translation>An organisation contact has no owner; leave the owner column empty.</translation>
    </message>
    <message>
        <source>The same contact is already on line %1 of the file.</source>
        <translation>The same contact is already on line %1 of the file.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n row of the file is rejected; nothing was imported. Correct it, or import the other rows and skip this one.</numerusform>
            <numerusform>%n rows of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Line %1: %2 Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>ContactRepository</name>
    <message>
        <source>The contact&apos;s group does not exist.</source>
        <translation>The contact&apos;s group does not exist.</translation>
    </message>
    <message>
        <source>The contact&apos;s user does not exist.</source>
        <translation>The contact&apos;s user does not exist.</translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation>No such contact.</translation>
    </message>
</context>
<context>
    <name>CopyCalendarCommand</name>
    <message numerus="yes">
        <source>Copy calendar to %n function number(s)</source>
        <translation>
            <numerusform>Copy calendar to %n function number</numerusform>
            <numerusform>Copy calendar to %n function numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>The calendar was not copied to %1: %2</source>
        <extracomment>%1 is a function number&apos;s name, %2 the reason</extracomment>
        <translation>The calendar was not copied to %1: %2</translation>
    </message>
</context>
<context>
    <name>CsvTable</name>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>The file is empty: the first line must name the columns.</translation>
    </message>
    <message>
        <source>Line %1 is not UTF-8 text. Save the file as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Line %1 is not UTF-8 text. Save the file as &quot;CSV UTF-8&quot; and import it again.</translation>
    </message>
    <message>
        <source>Cannot read the file: out of memory.</source>
        <translation>Cannot read the file: out of memory.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: %2. Check the quotes around that field.</source>
        <translation>Line %1 cannot be read: %2. Check the quotes around that field.</translation>
    </message>
    <message>
        <source>Line %1 cannot be read: a quoted field is not closed.</source>
        <translation>Line %1 cannot be read: a quoted field is not closed.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>The file has no column %1; the first line must name the columns (%2).</source>
        <translation>The file has no column %1; the first line must name the columns (%2).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1: a record with the same key already exists.</source>
        <translation>%1: a record with the same key already exists.</translation>
    </message>
    <message>
        <source>%1: the record is still referenced by another one.</source>
        <translation>%1: the record is still referenced by another one.</translation>
    </message>
    <message>
        <source>%1: the local store reported an error (%2).</source>
        <translation>%1: the local store reported an error (%2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the store.</source>
        <translation>Cannot create the folder %1 for the store.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>Cannot open the store %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Centrale store or is damaged.</source>
        <translation>%1 is not a Centrale store or is damaged.</translation>
    </message>
    <message>
        <source>This store was written by a newer version of Centrale (schema %1; this version knows up to %2). Update Centrale to open it.</source>
        <translation>This store was written by a newer version of Centrale (schema %1; this version knows up to %2). Update Centrale to open it.</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Cannot start a transaction: %1</translation>
    </message>
    <message>
        <source>Cannot save the changes: %1</source>
        <translation>Cannot save the changes: %1</translation>
    </message>
    <message>
        <source>The change was cancelled because a part of it failed.</source>
        <translation>The change was cancelled because a part of it failed.</translation>
    </message>
    <message>
        <source>Preparing a query</source>
        <translation>Preparing a query</translation>
    </message>
    <message>
        <source>Running a query</source>
        <translation>Running a query</translation>
    </message>
    <message>
        <source>The record to change no longer exists.</source>
        <translation>The record to change no longer exists.</translation>
    </message>
    <message>
        <source>The record to delete no longer exists.</source>
        <translation>The record to delete no longer exists.</translation>
    </message>
    <message>
        <source>the integrity check could not run</source>
        <translation>the integrity check could not run</translation>
    </message>
</context>
<context>
    <name>DefaultStateCommand</name>
    <message>
        <source>Open by default</source>
        <translation>Open by default</translation>
    </message>
    <message>
        <source>Closed by default</source>
        <translation>Closed by default</translation>
    </message>
</context>
<context>
    <name>DeleteEventCommand</name>
    <message>
        <source>Delete event “%1”</source>
        <translation>Delete event “%1”</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>Preparing the demo data</source>
        <translation>Preparing the demo data</translation>
    </message>
    <message>
        <source>Writing the demo data</source>
        <translation>Writing the demo data</translation>
    </message>
    <message>
        <source>The number of users must be between 1 and 500 000.</source>
        <translation>The number of users must be between 1 and 500 000.</translation>
    </message>
    <message>
        <source>The store already holds an organisation; choose a new file for the demo.</source>
        <translation>The store already holds an organisation; choose a new file for the demo.</translation>
    </message>
</context>
<context>
    <name>DuplicateEventCommand</name>
    <message>
        <source>Duplicate event “%1”</source>
        <translation>Duplicate event “%1”</translation>
    </message>
</context>
<context>
    <name>EditEventCommand</name>
    <message>
        <source>Edit event “%1”</source>
        <translation>Edit event “%1”</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>The domain of an organisation cannot change.</source>
        <translation>The domain of an organisation cannot change.</translation>
    </message>
    <message>
        <source>Unknown time zone %1.</source>
        <translation>Unknown time zone %1.</translation>
    </message>
    <message>
        <source>The audio lasts %1 ms; a prompt lasts at least half a second.</source>
        <translation>The audio lasts %1 ms; a prompt lasts at least half a second.</translation>
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
        <translation>Closed</translation>
    </message>
    <message>
        <source>%1 is not a state; use open or closed.</source>
        <translation>%1 is not a state; use open or closed.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>FunctionNumberRepository</name>
    <message>
        <source>The function number %1 already exists.</source>
        <translation>The function number %1 already exists.</translation>
    </message>
    <message>
        <source>No such function number.</source>
        <translation>No such function number.</translation>
    </message>
    <message>
        <source>There is no function number %1.</source>
        <translation>There is no function number %1.</translation>
    </message>
    <message>
        <source>No such calendar event.</source>
        <translation>No such calendar event.</translation>
    </message>
    <message>
        <source>The event&apos;s voice prompt does not exist.</source>
        <translation>The event&apos;s voice prompt does not exist.</translation>
    </message>
</context>
<context>
    <name>GroupRepository</name>
    <message>
        <source>A user group named %1 already exists.</source>
        <translation>A user group named %1 already exists.</translation>
    </message>
    <message>
        <source>No such user group.</source>
        <translation>No such user group.</translation>
    </message>
    <message>
        <source>There is no user group named %1.</source>
        <translation>There is no user group named %1.</translation>
    </message>
    <message numerus="yes">
        <source>The group %1 still has %n member(s); remove them from the group first.</source>
        <translation>
            <numerusform>The group %1 still has %n member; remove them from the group first.</numerusform>
            <numerusform>The group %1 still has %n members; remove them from the group first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IcsCalendar</name>
    <message>
        <source>A task (VTODO) is not a calendar event.</source>
        <translation>A task (VTODO) is not a calendar event.</translation>
    </message>
    <message>
        <source>A journal entry (VJOURNAL) is not a calendar event.</source>
        <translation>A journal entry (VJOURNAL) is not a calendar event.</translation>
    </message>
    <message>
        <source>A %1 component is not a calendar event.</source>
        <translation>A %1 component is not a calendar event.</translation>
    </message>
    <message>
        <source>The date %1 does not exist.</source>
        <translation>The date %1 does not exist.</translation>
    </message>
    <message>
        <source>The time %1 does not exist.</source>
        <translation>The time %1 does not exist.</translation>
    </message>
    <message>
        <source>The time zone %1 is not defined in the file and is not known.</source>
        <translation>The time zone %1 is not defined in the file and is not known.</translation>
    </message>
    <message>
        <source>The event is cancelled.</source>
        <translation>The event is cancelled.</translation>
    </message>
    <message>
        <source>The event has no start (DTSTART).</source>
        <translation>The event has no start (DTSTART).</translation>
    </message>
    <message>
        <source>The event repeats on a list of dates (RDATE), which calendars here cannot express; use a rule (RRULE) instead.</source>
        <translation>The event repeats on a list of dates (RDATE), which calendars here cannot express; use a rule (RRULE) instead.</translation>
    </message>
    <message>
        <source>The event has several recurrence rules; only one is supported.</source>
        <translation>The event has several recurrence rules; only one is supported.</translation>
    </message>
    <message>
        <source>Imported event</source>
        <translation>Imported event</translation>
    </message>
    <message>
        <source>The event has no end (DTEND or DURATION).</source>
        <translation>The event has no end (DTEND or DURATION).</translation>
    </message>
    <message>
        <source>The event repeats every second or minute; repeat it hourly, daily, weekly, monthly or yearly.</source>
        <translation>The event repeats every second or minute; repeat it hourly, daily, weekly, monthly or yearly.</translation>
    </message>
    <message>
        <source>The voice prompt &quot;%1&quot; of &quot;%2&quot; does not exist; the event was imported without a prompt.</source>
        <translation>The voice prompt &quot;%1&quot; of &quot;%2&quot; does not exist; the event was imported without a prompt.</translation>
    </message>
    <message>
        <source>The organisation&apos;s time zone is not known.</source>
        <translation>The organisation&apos;s time zone is not known.</translation>
    </message>
    <message>
        <source>This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.</source>
        <translation>This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The calendar file is damaged at line %1 (&quot;%2&quot;): libical cannot read it. Correct that line or export the calendar again.</source>
        <translation>The calendar file is damaged at line %1 (&quot;%2&quot;): libical cannot read it. Correct that line or export the calendar again.</translation>
    </message>
    <message>
        <source>The calendar file stops at line %1 before END:VCALENDAR: it is incomplete. Export the calendar again.</source>
        <translation>The calendar file stops at line %1 before END:VCALENDAR: it is incomplete. Export the calendar again.</translation>
    </message>
    <message>
        <source>The file&apos;s default state (%1) was not applied because the calendar already had events.</source>
        <translation>The file&apos;s default state (%1) was not applied because the calendar already had events.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Cannot read %1: %2.</translation>
    </message>
    <message>
        <source>libical does not know the time zone %1.</source>
        <translation>libical does not know the time zone %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Cannot write %1: %2.</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>To create: %1, to update: %2, unchanged: %3, rejected: %4.</source>
        <translation>To create: %1, to update: %2, unchanged: %3, rejected: %4.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>The import was cancelled; nothing was imported.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The field %1 must be text.</source>
        <translation>The field %1 must be text.</translation>
    </message>
    <message>
        <source>The field %1 must be an object.</source>
        <translation>The field %1 must be an object.</translation>
    </message>
    <message>
        <source>The field %1 has an unknown value: %2.</source>
        <translation>The field %1 has an unknown value: %2.</translation>
    </message>
    <message>
        <source>The field %1 cannot be empty.</source>
        <translation>The field %1 cannot be empty.</translation>
    </message>
    <message>
        <source>The field %1 cannot be negative.</source>
        <translation>The field %1 cannot be negative.</translation>
    </message>
    <message>
        <source>The field %1 is required.</source>
        <translation>The field %1 is required.</translation>
    </message>
    <message>
        <source>The field %1 must be a whole number.</source>
        <translation>The field %1 must be a whole number.</translation>
    </message>
    <message>
        <source>The field %1 is out of range.</source>
        <translation>The field %1 is out of range.</translation>
    </message>
    <message>
        <source>The field %1 must be a number.</source>
        <translation>The field %1 must be a number.</translation>
    </message>
    <message>
        <source>The field %1 must be true or false.</source>
        <translation>The field %1 must be true or false.</translation>
    </message>
    <message>
        <source>The field %1 must be a list.</source>
        <translation>The field %1 must be a list.</translation>
    </message>
    <message>
        <source>The field %1 must be data in base64.</source>
        <translation>The field %1 must be data in base64.</translation>
    </message>
    <message>
        <source>The field %1 must be a date and time such as 2027-01-01T08:30:00.</source>
        <translation>The field %1 must be a date and time such as 2027-01-01T08:30:00.</translation>
    </message>
</context>
<context>
    <name>KeyTemplate</name>
    <message>
        <source>Template name</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>Key %1 does not exist; a template has keys 1 to %2.</source>
        <translation>Key %1 does not exist; a template has keys 1 to %2.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>Key %1 is programmed twice.</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <extracomment>where an inherited key comes from: %1 template name, %2 group name</extracomment>
        <translation>%1 (group %2)</translation>
    </message>
</context>
<context>
    <name>KeyTemplateRepository</name>
    <message>
        <source>The template is attached to a user group that does not exist.</source>
        <translation>The template is attached to a user group that does not exist.</translation>
    </message>
    <message>
        <source>Key %1 calls a user who does not exist.</source>
        <translation>Key %1 calls a user who does not exist.</translation>
    </message>
    <message>
        <source>A key template named %1 already exists.</source>
        <translation>A key template named %1 already exists.</translation>
    </message>
    <message>
        <source>No such key template.</source>
        <translation>No such key template.</translation>
    </message>
    <message>
        <source>There is no key template named %1.</source>
        <translation>There is no key template named %1.</translation>
    </message>
    <message>
        <source>The key template %1 is not attached to that group.</source>
        <translation>The key template %1 is not attached to that group.</translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message>
        <source>The system keychain could not be read: %1</source>
        <translation>The system keychain could not be read: %1</translation>
    </message>
    <message>
        <source>The session could not be kept in the system keychain: %1</source>
        <translation>The session could not be kept in the system keychain: %1</translation>
    </message>
    <message>
        <source>The session could not be removed from the system keychain: %1</source>
        <translation>The session could not be removed from the system keychain: %1</translation>
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
Messages:
  welcome USERNAME... [--web] [--mobile] [--softphone] [--delivery auto|email|sms]
                                send each user a welcome message per access, by e-mail or SMS, through the server
  password-reset --server URL IDENTIFIER   send a code to choose a new password (username or mobile number)
  password-reset --server URL --code CODE  choose the new password with the code (read from standard input)
</translation>
    </message>
    <message>
        <source>Asks the server to send each user a welcome message per chosen access: how to sign in or install, the username and a one-time code to choose a password (never a password). Needs a store logged in to its server.</source>
        <translation>Asks the server to send each user a welcome message per chosen access: how to sign in or install, the username and a one-time code to choose a password (never a password). Needs a store logged in to its server.</translation>
    </message>
    <message>
        <source>The web portal.</source>
        <translation>The web portal.</translation>
    </message>
    <message>
        <source>The mobile app.</source>
        <translation>The mobile app.</translation>
    </message>
    <message>
        <source>The PC softphone.</source>
        <translation>The PC softphone.</translation>
    </message>
    <message>
        <source>auto (default: SMS for the mobile app when there is a mobile number, else e-mail), email or sms.</source>
        <translation>auto (default: SMS for the mobile app when there is a mobile number, else e-mail), email or sms.</translation>
    </message>
    <message>
        <source>how</source>
        <translation>how</translation>
    </message>
    <message>
        <source>The users, by username (name@domain).</source>
        <translation>The users, by username (name@domain).</translation>
    </message>
    <message>
        <source>USERNAME...</source>
        <translation>USERNAME...</translation>
    </message>
    <message>
        <source>welcome needs one or more usernames and at least one of --web, --mobile and --softphone.</source>
        <translation>welcome needs one or more usernames and at least one of --web, --mobile and --softphone.</translation>
    </message>
    <message>
        <source>--delivery takes auto, email or sms.</source>
        <translation>--delivery takes auto, email or sms.</translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>There is no session for %1 on %2: log in again.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>The server refused: %1 Log in again with centrale-cli login.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
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
        <translation>User</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Forgot password: sends a one-time code to the e-mail address or mobile number registered for a username or mobile number (the answer is the same whether or not the account exists); with --code, sets the new password, read from the terminal without echo, or from standard input.</source>
        <translation>Forgot password: sends a one-time code to the e-mail address or mobile number registered for a username or mobile number (the answer is the same whether or not the account exists); with --code, sets the new password, read from the terminal without echo, or from standard input.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443 (default: the store&apos;s server).</source>
        <translation>The server&apos;s address, for example https://centrale.example.be:8443 (default: the store&apos;s server).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The code received, to choose the new password.</source>
        <translation>The code received, to choose the new password.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>The username (name@domain) or the registered mobile number (+324...).</source>
        <translation>The username (name@domain) or the registered mobile number (+324...).</translation>
    </message>
    <message>
        <source>IDENTIFIER</source>
        <translation>IDENTIFIER</translation>
    </message>
    <message>
        <source>password-reset needs --server URL (or a store connected to a server).</source>
        <translation>password-reset needs --server URL (or a store connected to a server).</translation>
    </message>
    <message>
        <source>With --code, give no username: the code says whose password it is.</source>
        <translation>With --code, give no username: the code says whose password it is.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>New password: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>No password was given.</translation>
    </message>
    <message>
        <source>The new password is set. Log in with it; the other sessions of this account were closed.</source>
        <translation>The new password is set. Log in with it; the other sessions of this account were closed.</translation>
    </message>
    <message>
        <source>password-reset needs a username or a mobile number, or --code CODE.</source>
        <translation>password-reset needs a username or a mobile number, or --code CODE.</translation>
    </message>
    <message>
        <source>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number. Then run: centrale-cli password-reset --server %1 --code CODE</source>
        <translation>If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number. Then run: centrale-cli password-reset --server %1 --code CODE</translation>
    </message>
</context>
<context>
    <name>MessageDelivery</name>
    <message>
        <source>e-mail through %1 from %2</source>
        <translation>e-mail through %1 from %2</translation>
    </message>
    <message>
        <source>no mail server configured (e-mail waits in the queue)</source>
        <translation>no mail server configured (e-mail waits in the queue)</translation>
    </message>
    <message>
        <source>SMS through %1</source>
        <translation>SMS through %1</translation>
    </message>
    <message>
        <source>no SMS gateway configured (SMS wait in the queue)</source>
        <translation>no SMS gateway configured (SMS wait in the queue)</translation>
    </message>
    <message>
        <source>Messages: %1; %2.</source>
        <translation>Messages: %1; %2.</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>Hello %1,</source>
        <translation>Hello %1,</translation>
    </message>
    <message>
        <source>To choose your password, open this link: %1</source>
        <translation>To choose your password, open this link: %1</translation>
    </message>
    <message>
        <source>Your one-time code: %1</source>
        <translation>Your one-time code: %1</translation>
    </message>
    <message>
        <source>It can be used once and expires on %1.</source>
        <translation>It can be used once and expires on %1.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password</source>
        <translation>%1: your code to choose a new password</translation>
    </message>
    <message>
        <source>A new password was requested for your %1 account %2.</source>
        <translation>A new password was requested for your %1 account %2.</translation>
    </message>
    <message>
        <source>If you did not ask for it, ignore this message: your password does not change.</source>
        <translation>If you did not ask for it, ignore this message: your password does not change.</translation>
    </message>
    <message>
        <source>%1: your code to choose a new password is %2, valid until %3. If you did not ask for it, ignore this message.</source>
        <translation>%1: your code to choose a new password is %2, valid until %3. If you did not ask for it, ignore this message.</translation>
    </message>
    <message>
        <source>%1: set up the mobile telephony app</source>
        <translation>%1: set up the mobile telephony app</translation>
    </message>
    <message>
        <source>%1 has opened your access to its mobile telephony app: your business number on your smartphone.</source>
        <translation>%1 has opened your access to its mobile telephony app: your business number on your smartphone.</translation>
    </message>
    <message>
        <source>Your administrator will tell you which app to install on your smartphone.</source>
        <translation>Your administrator will tell you which app to install on your smartphone.</translation>
    </message>
    <message>
        <source>Download the app on your smartphone: %1</source>
        <translation>Download the app on your smartphone: %1</translation>
    </message>
    <message>
        <source>Open the app, sign in with your username and choose your password with the code below.</source>
        <translation>Open the app, sign in with your username and choose your password with the code below.</translation>
    </message>
    <message>
        <source>mobile app</source>
        <translation>mobile app</translation>
    </message>
    <message>
        <source>%1: install the PC softphone</source>
        <translation>%1: install the PC softphone</translation>
    </message>
    <message>
        <source>%1 has opened your access to its softphone: your business number on your computer.</source>
        <translation>%1 has opened your access to its softphone: your business number on your computer.</translation>
    </message>
    <message>
        <source>Your administrator will tell you where to download the softphone.</source>
        <translation>Your administrator will tell you where to download the softphone.</translation>
    </message>
    <message>
        <source>Download the softphone for your computer: %1</source>
        <translation>Download the softphone for your computer: %1</translation>
    </message>
    <message>
        <source>Install it, sign in with your username and choose your password with the code below.</source>
        <translation>Install it, sign in with your username and choose your password with the code below.</translation>
    </message>
    <message>
        <source>PC softphone</source>
        <translation>PC softphone</translation>
    </message>
    <message>
        <source>%1: your access to the telephony web portal</source>
        <translation>%1: your access to the telephony web portal</translation>
    </message>
    <message>
        <source>%1 has opened your access to its telephony web portal, where you manage your calls, voicemail and settings.</source>
        <translation>%1 has opened your access to its telephony web portal, where you manage your calls, voicemail and settings.</translation>
    </message>
    <message>
        <source>Your administrator will tell you the portal&apos;s address.</source>
        <translation>Your administrator will tell you the portal&apos;s address.</translation>
    </message>
    <message>
        <source>Sign in at %1</source>
        <translation>Sign in at %1</translation>
    </message>
    <message>
        <source>web portal</source>
        <translation>web portal</translation>
    </message>
    <message>
        <source>Your username: %1</source>
        <translation>Your username: %1</translation>
    </message>
    <message>
        <source>%1 welcomes you to its telephony %2. Username: %3. Code to choose your password: %4, valid until %5.</source>
        <translation>%1 welcomes you to its telephony %2. Username: %3. Code to choose your password: %4, valid until %5.</translation>
    </message>
    <message>
        <source>Start here: %1</source>
        <translation>Start here: %1</translation>
    </message>
    <message>
        <source>For your security, nobody from %1 will ever ask you for your password.</source>
        <translation>For your security, nobody from %1 will ever ask you for your password.</translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move event up</source>
        <translation>Move event up</translation>
    </message>
    <message>
        <source>Move event down</source>
        <translation>Move event down</translation>
    </message>
</context>
<context>
    <name>NumberRepository</name>
    <message>
        <source>%1 is already in the pool.</source>
        <translation>%1 is already in the pool.</translation>
    </message>
    <message>
        <source>No such number in the pool.</source>
        <translation>No such number in the pool.</translation>
    </message>
    <message>
        <source>%1 is not in the organisation&apos;s pool of numbers.</source>
        <translation>%1 is not in the organisation&apos;s pool of numbers.</translation>
    </message>
    <message>
        <source>%1 is already assigned to %2.</source>
        <translation>%1 is already assigned to %2.</translation>
    </message>
    <message>
        <source>%1 is assigned to %2; free it before removing it from the pool.</source>
        <translation>%1 is assigned to %2; free it before removing it from the pool.</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>OrganisationRepository</name>
    <message>
        <source>This store holds no organisation yet.</source>
        <translation>This store holds no organisation yet.</translation>
    </message>
    <message>
        <source>This store already holds the organisation %1.</source>
        <translation>This store already holds the organisation %1.</translation>
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
        <translation>Actions:
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
</translation>
    </message>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Unknown or missing action.</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Unknown action %1.</translation>
    </message>
    <message>
        <source>A phone number key needs --label: the name the phone shows.</source>
        <translation>A phone number key needs --label: the name the phone shows.</translation>
    </message>
    <message>
        <source>Say what the key does: extension USERNAME, number NUMBER --label TEXT, empty or inherit.</source>
        <translation>Say what the key does: extension USERNAME, number NUMBER --label TEXT, empty or inherit.</translation>
    </message>
    <message>
        <source>List SIP phones.</source>
        <translation>List SIP phones.</translation>
    </message>
    <message>
        <source>Only phones whose MAC, model, label or owner contains the text.</source>
        <translation>Only phones whose MAC, model, label or owner contains the text.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>List phones.</source>
        <translation>List phones.</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>changes waiting</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>SIP address</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Add a SIP phone.</source>
        <translation>Add a SIP phone.</translation>
    </message>
    <message>
        <source>The phone&apos;s model: %1.</source>
        <translation>The phone&apos;s model: %1.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>The user whose phone it is (username).</source>
        <translation>The user whose phone it is (username).</translation>
    </message>
    <message>
        <source>username</source>
        <translation>username</translation>
    </message>
    <message>
        <source>Where the phone receives SIP requests: HOST[:PORT].</source>
        <translation>Where the phone receives SIP requests: HOST[:PORT].</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>A name for the phone, e.g. Reception.</source>
        <translation>A name for the phone, e.g. Reception.</translation>
    </message>
    <message>
        <source>The user name the phone challenges reload requests with.</source>
        <translation>The user name the phone challenges reload requests with.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>Its password.</source>
        <translation>Its password.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>Add a phone.</source>
        <translation>Add a phone.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address.</source>
        <translation>The phone&apos;s MAC address.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT]</source>
        <translation>Usage: centrale-cli phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT]</translation>
    </message>
    <message>
        <source>Added the %1 %2 of %3.</source>
        <translation>Added the %1 %2 of %3.</translation>
    </message>
    <message>
        <source>Program one key of a phone.</source>
        <translation>Program one key of a phone.</translation>
    </message>
    <message>
        <source>The name the phone shows for the key.</source>
        <translation>The name the phone shows for the key.</translation>
    </message>
    <message>
        <source>Program a key.</source>
        <translation>Program a key.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (the template&apos;s key).</source>
        <translation>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (the template&apos;s key).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones key MAC INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Usage: centrale-cli phones key MAC INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of %2 now follows the key templates.</source>
        <translation>Key %1 of %2 now follows the key templates.</translation>
    </message>
    <message>
        <source>Key %1 of %2 saved; the phone has changes waiting (phones reload %3).</source>
        <translation>Key %1 of %2 saved; the phone has changes waiting (phones reload %3).</translation>
    </message>
    <message>
        <source>List every key of a phone and where it comes from.</source>
        <translation>List every key of a phone and where it comes from.</translation>
    </message>
    <message>
        <source>List keys.</source>
        <translation>List keys.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones keys MAC [--json]</source>
        <translation>Usage: centrale-cli phones keys MAC [--json]</translation>
    </message>
    <message>
        <source>this phone (instead of %1)</source>
        <extracomment>a phone&apos;s own key that hides the template&apos;s key; %1 the template name</extracomment>
        <translation>this phone (instead of %1)</translation>
    </message>
    <message>
        <source>this phone</source>
        <translation>this phone</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Print or write a phone&apos;s provisioning file, in its vendor&apos;s format.</source>
        <translation>Print or write a phone&apos;s provisioning file, in its vendor&apos;s format.</translation>
    </message>
    <message>
        <source>Write the file here instead of printing it.</source>
        <translation>Write the file here instead of printing it.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Render the file.</source>
        <translation>Render the file.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones render MAC [--out FILE]</source>
        <translation>Usage: centrale-cli phones render MAC [--out FILE]</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Cannot write to the standard output.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%2, %n bytes).</source>
        <translation>
            <numerusform>Wrote %1 (%2, %n byte).</numerusform>
            <numerusform>Wrote %1 (%2, %n bytes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the phones&apos; provisioning files and ask each phone to reload its settings.</source>
        <translation>Write the phones&apos; provisioning files and ask each phone to reload its settings.</translation>
    </message>
    <message>
        <source>Every phone with changes waiting.</source>
        <translation>Every phone with changes waiting.</translation>
    </message>
    <message>
        <source>Where to write the provisioning files (default: the folder provisioning beside the store).</source>
        <translation>Where to write the provisioning files (default: the folder provisioning beside the store).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Reload phones.</source>
        <translation>Reload phones.</translation>
    </message>
    <message>
        <source>The phone&apos;s MAC address (or --all).</source>
        <translation>The phone&apos;s MAC address (or --all).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones reload (MAC | --all)</source>
        <translation>Usage: centrale-cli phones reload (MAC | --all)</translation>
    </message>
    <message>
        <source>No phone has changes waiting.</source>
        <translation>No phone has changes waiting.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 MAC address, %2 reloaded / refused / no answer / changes waiting / failed, %3 why</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>List key templates and the groups they are attached to.</source>
        <translation>List key templates and the groups they are attached to.</translation>
    </message>
    <message>
        <source>List templates.</source>
        <translation>List templates.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Create an empty key template.</source>
        <translation>Create an empty key template.</translation>
    </message>
    <message>
        <source>Create a template.</source>
        <translation>Create a template.</translation>
    </message>
    <message>
        <source>The template&apos;s name.</source>
        <translation>The template&apos;s name.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template create NAME</source>
        <translation>Usage: centrale-cli phones template create NAME</translation>
    </message>
    <message>
        <source>Created the key template %1.</source>
        <translation>Created the key template %1.</translation>
    </message>
    <message>
        <source>Program one key of a key template.</source>
        <translation>Program one key of a key template.</translation>
    </message>
    <message>
        <source>The name the phones show for the key.</source>
        <translation>The name the phones show for the key.</translation>
    </message>
    <message>
        <source>Program a template key.</source>
        <translation>Program a template key.</translation>
    </message>
    <message>
        <source>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (remove the key from the template).</source>
        <translation>TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (remove the key from the template).</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template key NAME INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</source>
        <translation>Usage: centrale-cli phones template key NAME INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)</translation>
    </message>
    <message>
        <source>Key %1 of the template %2 saved.</source>
        <translation>Key %1 of the template %2 saved.</translation>
    </message>
    <message>
        <source>Attach a key template to a user group: its keys appear on the members&apos; phones.</source>
        <translation>Attach a key template to a user group: its keys appear on the members&apos; phones.</translation>
    </message>
    <message>
        <source>Detach a key template from a user group.</source>
        <translation>Detach a key template from a user group.</translation>
    </message>
    <message>
        <source>The user group&apos;s name.</source>
        <translation>The user group&apos;s name.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>group</translation>
    </message>
    <message>
        <source>Attach or detach.</source>
        <translation>Attach or detach.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template %1 NAME --group GROUP</source>
        <translation>Usage: centrale-cli phones template %1 NAME --group GROUP</translation>
    </message>
    <message>
        <source>The key template %1 now applies to the phones of the group %2.</source>
        <translation>The key template %1 now applies to the phones of the group %2.</translation>
    </message>
    <message>
        <source>The key template %1 no longer applies to the group %2.</source>
        <translation>The key template %1 no longer applies to the group %2.</translation>
    </message>
    <message>
        <source>Delete a key template; the members&apos; phones lose its keys.</source>
        <translation>Delete a key template; the members&apos; phones lose its keys.</translation>
    </message>
    <message>
        <source>Delete a template.</source>
        <translation>Delete a template.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli phones template delete NAME</source>
        <translation>Usage: centrale-cli phones template delete NAME</translation>
    </message>
    <message>
        <source>Deleted the key template %1.</source>
        <translation>Deleted the key template %1.</translation>
    </message>
</context>
<context>
    <name>PhoneNumbers</name>
    <message>
        <source>Belgian</source>
        <translation>Belgian</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Dutch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxembourg</translation>
    </message>
    <message>
        <source>German</source>
        <translation>German</translation>
    </message>
    <message>
        <source>%1 is not a valid phone number: %2</source>
        <translation>%1 is not a valid phone number: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid %2 number: %3</source>
        <extracomment>%2 is a country adjective such as &quot;Belgian&quot;; %3 is the reason</extracomment>
        <translation>%1 is not a valid %2 number: %3</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>The phone number is empty.</translation>
    </message>
    <message>
        <source>the country code is not known; start with +32 or 0.</source>
        <translation>the country code is not known; start with +32 or 0.</translation>
    </message>
    <message>
        <source>it has too few digits.</source>
        <translation>it has too few digits.</translation>
    </message>
    <message>
        <source>it has too many digits.</source>
        <translation>it has too many digits.</translation>
    </message>
    <message>
        <source>it contains no phone number; use the format +32 …</source>
        <translation>it contains no phone number; use the format +32 …</translation>
    </message>
    <message>
        <source>the country code is not known.</source>
        <translation>the country code is not known.</translation>
    </message>
    <message>
        <source>no such prefix or length is in use.</source>
        <translation>no such prefix or length is in use.</translation>
    </message>
    <message>
        <source>it is not a mobile number (Belgian mobiles start with +324).</source>
        <translation>it is not a mobile number (Belgian mobiles start with +324).</translation>
    </message>
</context>
<context>
    <name>PhoneProvisioning</name>
    <message>
        <source>Centrale cannot write provisioning files for the %1 yet (it knows %2).</source>
        <translation>Centrale cannot write provisioning files for the %1 yet (it knows %2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The phone %1 has no SIP address: its changes wait until it fetches its settings.</source>
        <translation>The phone %1 has no SIP address: its changes wait until it fetches its settings.</translation>
    </message>
</context>
<context>
    <name>PhoneRepository</name>
    <message>
        <source>The phone refers to a user who does not exist.</source>
        <translation>The phone refers to a user who does not exist.</translation>
    </message>
    <message>
        <source>A phone with the MAC address %1 already exists.</source>
        <translation>A phone with the MAC address %1 already exists.</translation>
    </message>
    <message>
        <source>No such phone.</source>
        <translation>No such phone.</translation>
    </message>
    <message>
        <source>There is no phone with the MAC address %1.</source>
        <translation>There is no phone with the MAC address %1.</translation>
    </message>
    <message>
        <source>Phone %1: %2</source>
        <extracomment>%1 the phone&apos;s MAC address, %2 the reason</extracomment>
        <translation>Phone %1: %2</translation>
    </message>
</context>
<context>
    <name>PoolNumber</name>
    <message>
        <source>A number can be assigned to a user or to a function number, not both.</source>
        <translation>A number can be assigned to a user or to a function number, not both.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Malformed JSON</source>
        <translation>Malformed JSON</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON nested too deeply</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Bad request</translation>
    </message>
    <message>
        <source>Idempotency-Key required</source>
        <translation>Idempotency-Key required</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Not authenticated</translation>
    </message>
    <message>
        <source>Invalid credentials</source>
        <translation>Invalid credentials</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
    <message>
        <source>Administrator view needs the password again</source>
        <translation>Administrator view needs the password again</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Forbidden</translation>
    </message>
    <message>
        <source>Not an administrator</source>
        <translation>Not an administrator</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Method not allowed</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Request still in progress</source>
        <translation>Request still in progress</translation>
    </message>
    <message>
        <source>Cursor expired</source>
        <translation>Cursor expired</translation>
    </message>
    <message>
        <source>Version mismatch</source>
        <translation>Version mismatch</translation>
    </message>
    <message>
        <source>Payload too large</source>
        <translation>Payload too large</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Unsupported media type</translation>
    </message>
    <message>
        <source>Validation failed</source>
        <translation>Validation failed</translation>
    </message>
    <message>
        <source>Invalid audio</source>
        <translation>Invalid audio</translation>
    </message>
    <message>
        <source>Idempotency-Key reused</source>
        <translation>Idempotency-Key reused</translation>
    </message>
    <message>
        <source>Reset code invalid</source>
        <translation>Reset code invalid</translation>
    </message>
    <message>
        <source>If-Match required</source>
        <translation>If-Match required</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Too many requests</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Service unavailable</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Unknown or missing action.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>a duration in seconds, e.g. &quot;6.2 s&quot;</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Normalise the loudness (off by default), so that the organisation&apos;s prompts sound equally loud.</source>
        <translation>Normalise the loudness (off by default), so that the organisation&apos;s prompts sound equally loud.</translation>
    </message>
    <message>
        <source>The loudness to normalise to (default -16; from -40 to -5).</source>
        <translation>The loudness to normalise to (default -16; from -40 to -5).</translation>
    </message>
    <message>
        <source>LUFS</source>
        <translation>LUFS</translation>
    </message>
    <message>
        <source>--target-lufs needs a number from -40 to -5, not %1.</source>
        <translation>--target-lufs needs a number from -40 to -5, not %1.</translation>
    </message>
    <message>
        <source>--target-lufs only makes sense with --normalise.</source>
        <translation>--target-lufs only makes sense with --normalise.</translation>
    </message>
    <message>
        <source>Usage: centrale-cli prompt %1</source>
        <translation>Usage: centrale-cli prompt %1</translation>
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
        <translation>Actions:
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
</translation>
    </message>
    <message>
        <source>Unknown action %1.</source>
        <translation>Unknown action %1.</translation>
    </message>
    <message>
        <source>Convert an audio file to a voice prompt: WAV, A-law, 8000 Hz, mono. No store is needed.</source>
        <translation>Convert an audio file to a voice prompt: WAV, A-law, 8000 Hz, mono. No store is needed.</translation>
    </message>
    <message>
        <source>Convert a file.</source>
        <translation>Convert a file.</translation>
    </message>
    <message>
        <source>The audio file to convert (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>The audio file to convert (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>The prompt file to write; it appears whole or not at all.</source>
        <translation>The prompt file to write; it appears whole or not at all.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1: WAV, A-law, 8000 Hz, mono.</source>
        <translation>Wrote %1: WAV, A-law, 8000 Hz, mono.</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Duration: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Peak: %1, RMS: %2</source>
        <translation>Peak: %1, RMS: %2</translation>
    </message>
    <message>
        <source>Loudness normalised to %1 LUFS.</source>
        <translation>Loudness normalised to %1 LUFS.</translation>
    </message>
    <message>
        <source>Note: the source was compressed with a lossy codec; the prompt cannot sound better than it.</source>
        <translation>Note: the source was compressed with a lossy codec; the prompt cannot sound better than it.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Convert an audio file and store it as a new voice prompt.</source>
        <translation>Convert an audio file and store it as a new voice prompt.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name (unique).</source>
        <translation>The prompt&apos;s name (unique).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>The exact text spoken in the prompt.</source>
        <translation>The exact text spoken in the prompt.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Import a file.</source>
        <translation>Import a file.</translation>
    </message>
    <message>
        <source>The audio file to import (WAV, AIFF, FLAC, Ogg…).</source>
        <translation>The audio file to import (WAV, AIFF, FLAC, Ogg…).</translation>
    </message>
    <message>
        <source>--name is required: the prompt&apos;s name.</source>
        <translation>--name is required: the prompt&apos;s name.</translation>
    </message>
    <message>
        <source>Imported %1 as the voice prompt %2 (%3).</source>
        <translation>Imported %1 as the voice prompt %2 (%3).</translation>
    </message>
    <message>
        <source>List voice prompts and the calendar events that use them.</source>
        <translation>List voice prompts and the calendar events that use them.</translation>
    </message>
    <message>
        <source>List voice prompts.</source>
        <translation>List voice prompts.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>Write a voice prompt&apos;s audio (WAV, A-law, 8000 Hz, mono) to a file.</source>
        <translation>Write a voice prompt&apos;s audio (WAV, A-law, 8000 Hz, mono) to a file.</translation>
    </message>
    <message>
        <source>Export a prompt.</source>
        <translation>Export a prompt.</translation>
    </message>
    <message>
        <source>The prompt&apos;s name.</source>
        <translation>The prompt&apos;s name.</translation>
    </message>
    <message>
        <source>The WAV file to write.</source>
        <translation>The WAV file to write.</translation>
    </message>
    <message>
        <source>Wrote the voice prompt %1 to %2.</source>
        <translation>Wrote the voice prompt %1 to %2.</translation>
    </message>
    <message>
        <source>Delete a voice prompt; refused while a calendar event uses it.</source>
        <translation>Delete a voice prompt; refused while a calendar event uses it.</translation>
    </message>
    <message>
        <source>Delete a prompt.</source>
        <translation>Delete a prompt.</translation>
    </message>
    <message>
        <source>Deleted the voice prompt %1.</source>
        <translation>Deleted the voice prompt %1.</translation>
    </message>
</context>
<context>
    <name>PromptConverter</name>
    <message>
        <source>The prompt is not an A-law, 8000 Hz, mono WAV file: %1</source>
        <translation>The prompt is not an A-law, 8000 Hz, mono WAV file: %1</translation>
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
        <translation>%1 channels</translation>
    </message>
    <message>
        <source>%1 contains no audio.</source>
        <translation>%1 contains no audio.</translation>
    </message>
    <message>
        <source>%1 could not be converted: %2</source>
        <translation>%1 could not be converted: %2</translation>
    </message>
    <message>
        <source>The loudness of %1 could not be measured (silent or too short); it was left unchanged.</source>
        <translation>The loudness of %1 could not be measured (silent or too short); it was left unchanged.</translation>
    </message>
    <message>
        <source>%1 of %2 samples were clipped at full scale.</source>
        <translation>%1 of %2 samples were clipped at full scale.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <source>%1 is not an audio file Centrale can read: %2</source>
        <translation>%1 is not an audio file Centrale can read: %2</translation>
    </message>
    <message>
        <source>%1 has no audio channels.</source>
        <translation>%1 has no audio channels.</translation>
    </message>
    <message>
        <source>%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.</source>
        <translation>%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.</translation>
    </message>
    <message>
        <source>%1 lasts %2; a voice prompt may last at most %3.</source>
        <translation>%1 lasts %2; a voice prompt may last at most %3.</translation>
    </message>
    <message>
        <source>%1 is shorter than its header says; it was read as far as the audio goes.</source>
        <translation>%1 is shorter than its header says; it was read as far as the audio goes.</translation>
    </message>
    <message>
        <source>The recording</source>
        <translation>The recording</translation>
    </message>
    <message numerus="yes">
        <source>%1 contains %n invalid sample(s) (infinite or not a number), replaced by silence.</source>
        <translation>
            <numerusform>%1 contains %n invalid sample (infinite or not a number), replaced by silence.</numerusform>
            <numerusform>%1 contains %n invalid samples (infinite or not a number), replaced by silence.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptFileDialog</name>
    <message>
        <source>Audio files (%1)</source>
        <translation>Audio files (%1)</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <source>The voice prompt %1 has no audio yet: import or record it first.</source>
        <translation>The voice prompt %1 has no audio yet: import or record it first.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>PromptRepository</name>
    <message>
        <source>A voice prompt named %1 already exists.</source>
        <translation>A voice prompt named %1 already exists.</translation>
    </message>
    <message>
        <source>No such voice prompt.</source>
        <translation>No such voice prompt.</translation>
    </message>
    <message>
        <source>There is no voice prompt named %1.</source>
        <translation>There is no voice prompt named %1.</translation>
    </message>
    <message>
        <source>The voice prompt %1 is played by %2; choose another prompt there first.</source>
        <translation>The voice prompt %1 is played by %2; choose another prompt there first.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>On %1, all day</source>
        <extracomment>%1 is a date</extracomment>
        <translation>On %1, all day</translation>
    </message>
    <message>
        <source>From %1 to %2, all day</source>
        <extracomment>two dates</extracomment>
        <translation>From %1 to %2, all day</translation>
    </message>
    <message>
        <source>On %1 from %2 to %3</source>
        <extracomment>%1 is a date, %2 and %3 times</extracomment>
        <translation>On %1 from %2 to %3</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <extracomment>two dates with their times</extracomment>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>Custom repeat rule: %1</source>
        <extracomment>%1 is an iCalendar RRULE</extracomment>
        <translation>Custom repeat rule: %1</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Every weekday</source>
        <translation>Every weekday</translation>
    </message>
    <message>
        <source>Every %1</source>
        <extracomment>%1 is a list of days of the week, e.g. &quot;Monday, Wednesday and Friday&quot;</extracomment>
        <translation>Every %1</translation>
    </message>
    <message>
        <source>Every month on day %1</source>
        <extracomment>%1 is a day of the month (1 to 31)</extracomment>
        <translation>Every month on day %1</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <extracomment>%1 is a day and month, e.g. &quot;1 January&quot;</extracomment>
        <translation>Every year on %1</translation>
    </message>
    <message>
        <source>%1, all day</source>
        <extracomment>%1 says when an event repeats, e.g. &quot;Every year on 1 January&quot;</extracomment>
        <translation>%1, all day</translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <translation>
            <numerusform>%1, for %n day</numerusform>
            <numerusform>%1, for %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from %2 to %3 the next day</source>
        <extracomment>%1 says when an event repeats; the event ends the day after it starts</extracomment>
        <translation>%1 from %2 to %3 the next day</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <extracomment>%1 says when an event repeats, %2 and %3 are times</extracomment>
        <translation>%1 from %2 to %3</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <extracomment>%1 is the summary so far, %2 a date</extracomment>
        <translation>%1, until %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n time(s)</source>
        <translation>
            <numerusform>%1, %n time</numerusform>
            <numerusform>%1, %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, except on %2</source>
        <extracomment>%1 is the summary so far, %2 a list of dates</extracomment>
        <translation>%1, except on %2</translation>
    </message>
</context>
<context>
    <name>RestConnector</name>
    <message>
        <source>The server address must look like https://centrale.example.be:8443.</source>
        <translation>The server address must look like https://centrale.example.be:8443.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>The server %1 did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>Cannot reach the server %1: %2</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>The server answered with status %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the login has no session.</source>
        <translation>The server&apos;s answer to the login has no session.</translation>
    </message>
    <message>
        <source>The server answered a batch of %1 changes with %2 results.</source>
        <translation>The server answered a batch of %1 changes with %2 results.</translation>
    </message>
</context>
<context>
    <name>ScheduleEngine</name>
    <message>
        <source>The time zone is not known; choose one such as Europe/Brussels.</source>
        <translation>The time zone is not known; choose one such as Europe/Brussels.</translation>
    </message>
</context>
<context>
    <name>ScheduleEvent</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>The event does not belong to a function number.</source>
        <translation>The event does not belong to a function number.</translation>
    </message>
    <message>
        <source>The event needs a valid start and end.</source>
        <translation>The event needs a valid start and end.</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>The event must end after it starts.</translation>
    </message>
    <message>
        <source>%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</source>
        <translation>%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>The cryptographic library could not start.</source>
        <translation>The cryptographic library could not start.</translation>
    </message>
    <message>
        <source>There was not enough memory to protect the secret.</source>
        <translation>There was not enough memory to protect the secret.</translation>
    </message>
</context>
<context>
    <name>ServerCommand</name>
    <message>
        <source>The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
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
        <translation>Usage: centrale-server COMMAND [OPTIONS]

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
</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Unknown command %1.</translation>
    </message>
    <message>
        <source>Address and port to listen on (HOST:PORT).</source>
        <translation>Address and port to listen on (HOST:PORT).</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>PEM certificate (chain) for HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>PEM private key for HTTPS.</translation>
    </message>
    <message>
        <source>serve needs --db and --listen.</source>
        <translation>serve needs --db and --listen.</translation>
    </message>
    <message>
        <source>HTTPS needs both --cert and --key.</source>
        <translation>HTTPS needs both --cert and --key.</translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3), database %4.</source>
        <translation>Listening on %1 port %2 (%3), database %4.</translation>
    </message>
    <message>
        <source>Creates an organisation.</source>
        <translation>Creates an organisation.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name.</source>
        <translation>The organisation&apos;s name.</translation>
    </message>
    <message>
        <source>Its language: fr, nl or en (default fr).</source>
        <translation>Its language: fr, nl or en (default fr).</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain, for example domaincustomer.be.</source>
        <translation>The organisation&apos;s domain, for example domaincustomer.be.</translation>
    </message>
    <message>
        <source>create-org needs DOMAIN, --name and --db.</source>
        <translation>create-org needs DOMAIN, --name and --db.</translation>
    </message>
    <message>
        <source>Organisation %1 created (id %2).</source>
        <translation>Organisation %1 created (id %2).</translation>
    </message>
    <message>
        <source>Creates an administrator; the password is read from standard input.</source>
        <translation>Creates an administrator; the password is read from standard input.</translation>
    </message>
    <message>
        <source>The organisation&apos;s domain.</source>
        <translation>The organisation&apos;s domain.</translation>
    </message>
    <message>
        <source>name@domain</source>
        <translation>name@domain</translation>
    </message>
    <message>
        <source>create-admin needs USERNAME, --org and --db.</source>
        <translation>create-admin needs USERNAME, --org and --db.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>No password was given on standard input.</translation>
    </message>
    <message>
        <source>Administrator %1 of %2 is ready (user id %3).</source>
        <translation>Administrator %1 of %2 is ready (user id %3).</translation>
    </message>
    <message>
        <source>Seconds after which a silent connection is closed, keep-alive included (default 60).</source>
        <translation>Seconds after which a silent connection is closed, keep-alive included (default 60).</translation>
    </message>
    <message>
        <source>--idle-timeout takes a number of seconds from 0.1 to 3600.</source>
        <translation>--idle-timeout takes a number of seconds from 0.1 to 3600.</translation>
    </message>
    <message>
        <source>How long the administrator view stays open after the password is given again (default 900).</source>
        <translation>How long the administrator view stays open after the password is given again (default 900).</translation>
    </message>
    <message>
        <source>--elevation-seconds needs a number of seconds.</source>
        <translation>--elevation-seconds needs a number of seconds.</translation>
    </message>
    <message>
        <source>
Messages (serve): welcome and password-reset messages wait in the database and are sent by e-mail
(--smtp URL --mail-from ADDRESS) or SMS (--sms-gateway URL [--sms-key KEY]), retried with back-off
while the mail server or the gateway is down. Options may come from --config FILE; secrets are never printed.
</source>
        <translation>
Messages (serve): welcome and password-reset messages wait in the database and are sent by e-mail
(--smtp URL --mail-from ADDRESS) or SMS (--sms-gateway URL [--sms-key KEY]), retried with back-off
while the mail server or the gateway is down. Options may come from --config FILE; secrets are never printed.
</translation>
    </message>
    <message>
        <source>Serves the Centrale API and delivers its messages (e-mail and SMS).</source>
        <translation>Serves the Centrale API and delivers its messages (e-mail and SMS).</translation>
    </message>
    <message>
        <source>Reads the options from this file (INI: one &quot;option = value&quot; a line, for example smtp = smtps://...); the command line wins. Keep secrets here, readable by the server&apos;s account only.</source>
        <translation>Reads the options from this file (INI: one &quot;option = value&quot; a line, for example smtp = smtps://...); the command line wins. Keep secrets here, readable by the server&apos;s account only.</translation>
    </message>
    <message>
        <source>The mail server: smtp://[USER:PASSWORD@]HOST:587 (STARTTLS when offered) or smtps://HOST:465 (TLS). Without it, e-mail waits in the queue.</source>
        <translation>The mail server: smtp://[USER:PASSWORD@]HOST:587 (STARTTLS when offered) or smtps://HOST:465 (TLS). Without it, e-mail waits in the queue.</translation>
    </message>
    <message>
        <source>The sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>The sender&apos;s e-mail address, for example centrale@example.be.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s address (HTTP POST of JSON {to, from, text, encoding, parts}). Without it, SMS wait in the queue.</source>
        <translation>The SMS gateway&apos;s address (HTTP POST of JSON {to, from, text, encoding, parts}). Without it, SMS wait in the queue.</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s key, sent as Authorization: Bearer KEY.</source>
        <translation>The SMS gateway&apos;s key, sent as Authorization: Bearer KEY.</translation>
    </message>
    <message>
        <source>The SMS sender name or number (default Centrale).</source>
        <translation>The SMS sender name or number (default Centrale).</translation>
    </message>
    <message>
        <source>The web portal&apos;s address, given in welcome messages (the code link is URL/reset-password?code=...).</source>
        <translation>The web portal&apos;s address, given in welcome messages (the code link is URL/reset-password?code=...).</translation>
    </message>
    <message>
        <source>Where to download the mobile app, given in welcome messages.</source>
        <translation>Where to download the mobile app, given in welcome messages.</translation>
    </message>
    <message>
        <source>Where to download the PC softphone, given in welcome messages.</source>
        <translation>Where to download the PC softphone, given in welcome messages.</translation>
    </message>
    <message>
        <source>Seconds before the first new attempt after a temporary error (default 30); doubled at each attempt, at most one hour.</source>
        <translation>Seconds before the first new attempt after a temporary error (default 30); doubled at each attempt, at most one hour.</translation>
    </message>
    <message>
        <source>Attempts before a message is given up (default 10).</source>
        <translation>Attempts before a message is given up (default 10).</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Cannot read the configuration file %1.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>The configuration file %1 is not a valid INI file.</translation>
    </message>
    <message>
        <source>--retry-after must be a number of seconds from 1 to 3600.</source>
        <translation>--retry-after must be a number of seconds from 1 to 3600.</translation>
    </message>
    <message>
        <source>--max-attempts must be a number from 1 to 100.</source>
        <translation>--max-attempts must be a number from 1 to 100.</translation>
    </message>
    <message>
        <source>--smtp needs --mail-from, the sender&apos;s address.</source>
        <translation>--smtp needs --mail-from, the sender&apos;s address.</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3.</source>
        <translation>--%1 must be a number of seconds from %2 to %3.</translation>
    </message>
    <message>
        <source>--call-local-address %1 is not an IP address of this server.</source>
        <translation>--call-local-address %1 is not an IP address of this server.</translation>
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
Recording a prompt by call (serve): the server calls the user&apos;s desk phone over SIP, plays a spoken
instruction in the user&apos;s language and a beep, and records until the person hangs up or presses #
(--call-ring-seconds N, --call-max-seconds N, --call-local-address ADDRESS, --call-instructions FOLDER).
</translation>
    </message>
    <message>
        <source>Recording a prompt by call: how long the phone rings before the call ends unanswered, 5 to 120 (default 30).</source>
        <translation>Recording a prompt by call: how long the phone rings before the call ends unanswered, 5 to 120 (default 30).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the longest recording, 10 to 1800; a longer one is cut there and kept (default 300).</source>
        <translation>Recording a prompt by call: the longest recording, 10 to 1800; a longer one is cut there and kept (default 300).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: the IP address the SIP and RTP sockets bind to (default: the one that reaches the phone).</source>
        <translation>Recording a prompt by call: the IP address the SIP and RTP sockets bind to (default: the one that reaches the phone).</translation>
    </message>
    <message>
        <source>Recording a prompt by call: a folder holding fr.wav, nl.wav and en.wav (any format libsndfile reads), spoken before the beep in the called user&apos;s language instead of the built-in instructions.</source>
        <translation>Recording a prompt by call: a folder holding fr.wav, nl.wav and en.wav (any format libsndfile reads), spoken before the beep in the called user&apos;s language instead of the built-in instructions.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>The database address sqlite: needs a file path (sqlite:/var/lib/centrale/server.db).</source>
        <translation>The database address sqlite: needs a file path (sqlite:/var/lib/centrale/server.db).</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</source>
        <translation>The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>The database address must look like postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>The database address must look like postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian: libqt6sql6-psql).</source>
        <translation>The PostgreSQL driver for Qt is not installed (Debian: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Unknown database address %1: use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>Unknown database address %1: use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation>A record with the same key already exists.</translation>
    </message>
    <message>
        <source>The server&apos;s database reported an error.</source>
        <translation>The server&apos;s database reported an error.</translation>
    </message>
    <message>
        <source>The server&apos;s database could not start a transaction: %1</source>
        <translation>The server&apos;s database could not start a transaction: %1</translation>
    </message>
    <message>
        <source>The server&apos;s database could not commit: %1</source>
        <translation>The server&apos;s database could not commit: %1</translation>
    </message>
    <message>
        <source>The database was created by a newer Centrale server (schema %1; this one knows %2).</source>
        <translation>The database was created by a newer Centrale server (schema %1; this one knows %2).</translation>
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
        <translation>Forward on no answer after (seconds)</translation>
    </message>
    <message>
        <source>International calls allowed</source>
        <translation>International calls allowed</translation>
    </message>
    <message>
        <source>Call recording</source>
        <translation>Call recording</translation>
    </message>
    <message>
        <source>Caller ID shown</source>
        <translation>Caller ID shown</translation>
    </message>
    <message>
        <source>Own direct number</source>
        <translation>Own direct number</translation>
    </message>
    <message>
        <source>Organisation&apos;s main number</source>
        <translation>Organisation&apos;s main number</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>(inherited)</source>
        <translation>(inherited)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Forward on no answer must be between 5 and 120 seconds, not %1.</source>
        <translation>Forward on no answer must be between 5 and 120 seconds, not %1.</translation>
    </message>
    <message>
        <source>%1 is not a known service setting.</source>
        <translation>%1 is not a known service setting.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Group %1</translation>
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
        <translation>Empty</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>%1 is not a MAC address; it must have 12 hexadecimal digits, e.g. 00:04:13:2A:3B:4C.</source>
        <translation>%1 is not a MAC address; it must have 12 hexadecimal digits, e.g. 00:04:13:2A:3B:4C.</translation>
    </message>
    <message>
        <source>%1 is not a supported phone model; choose one of: %2.</source>
        <translation>%1 is not a supported phone model; choose one of: %2.</translation>
    </message>
    <message>
        <source>Key %1 does not exist on a %2, which has keys 1 to %3.</source>
        <translation>Key %1 does not exist on a %2, which has keys 1 to %3.</translation>
    </message>
    <message>
        <source>Key %1 is programmed twice.</source>
        <translation>Key %1 is programmed twice.</translation>
    </message>
    <message>
        <source>Key %1: choose the colleague whose extension it calls.</source>
        <translation>Key %1: choose the colleague whose extension it calls.</translation>
    </message>
    <message>
        <source>Key %1: display name</source>
        <translation>Key %1: display name</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Key %1: %2</translation>
    </message>
    <message>
        <source>Key %1: label</source>
        <translation>Key %1: label</translation>
    </message>
    <message>
        <source>%1 is not a SIP address; write the phone&apos;s host name or IP address, optionally followed by :port, e.g. 192.168.1.20:5060.</source>
        <translation>%1 is not a SIP address; write the phone&apos;s host name or IP address, optionally followed by :port, e.g. 192.168.1.20:5060.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>SIP user</source>
        <translation>SIP user</translation>
    </message>
    <message>
        <source>SIP password</source>
        <translation>SIP password</translation>
    </message>
</context>
<context>
    <name>SmsGateway</name>
    <message>
        <source>The SMS gateway must be an http:// or https:// address.</source>
        <translation>The SMS gateway must be an http:// or https:// address.</translation>
    </message>
</context>
<context>
    <name>SmtpSender</name>
    <message>
        <source>The mail server must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465.</source>
        <translation>The mail server must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465.</translation>
    </message>
    <message>
        <source>--mail-from needs the sender&apos;s e-mail address, for example centrale@example.be.</source>
        <translation>--mail-from needs the sender&apos;s e-mail address, for example centrale@example.be.</translation>
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
  login --server URL --user NAME   log in (password from the terminal, or standard input), then pull the organisation
  sync                          send this store&apos;s changes, then receive the server&apos;s
  status                        the server, the last sync, changes waiting and conflicts
  conflicts [--keep-mine ID | --take-theirs ID]   list or resolve changes the server refused
  logout                        end the session and forget its token
</translation>
    </message>
    <message>
        <source>Logs in to a Centrale server with this store. The password is read from the terminal without echo, or from standard input when it is not a terminal. A new store is created and filled from the server.</source>
        <translation>Logs in to a Centrale server with this store. The password is read from the terminal without echo, or from standard input when it is not a terminal. A new store is created and filled from the server.</translation>
    </message>
    <message>
        <source>The server&apos;s address, for example https://centrale.example.be:8443.</source>
        <translation>The server&apos;s address, for example https://centrale.example.be:8443.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Your username (name@domain) or registered mobile number.</source>
        <translation>Your username (name@domain) or registered mobile number.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>login needs --server URL and --user NAME.</source>
        <translation>login needs --server URL and --user NAME.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>No password was given.</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2 (%3).</source>
        <translation>Logged in to %1 as %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this store will be sent at the next sync.</source>
        <translation>
            <numerusform>%n record of this store will be sent at the next sync.</numerusform>
            <numerusform>%n records of this store will be sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</source>
        <translation>This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>There is no session for %1 on %2: log in again.</translation>
    </message>
    <message>
        <source>Sends this store&apos;s changes to its server, in order, then receives the server&apos;s changes.</source>
        <translation>Sends this store&apos;s changes to its server, in order, then receives the server&apos;s changes.</translation>
    </message>
    <message>
        <source>The server refused: %1 Log in again with centrale-cli login.</source>
        <translation>The server refused: %1 Log in again with centrale-cli login.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Sent %n change</numerusform>
            <numerusform>Sent %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n</source>
        <translation>
            <numerusform>received %n</numerusform>
            <numerusform>received %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server: see centrale-cli conflicts.</source>
        <translation>
            <numerusform>%n change refused by the server: see centrale-cli conflicts.</numerusform>
            <numerusform>%n changes refused by the server: see centrale-cli conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) still waiting.</source>
        <translation>
            <numerusform>%n change still waiting.</numerusform>
            <numerusform>%n changes still waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server wait until the conflicts here are resolved.</source>
        <translation>
            <numerusform>%n change from the server waits until the conflicts here are resolved.</numerusform>
            <numerusform>%n changes from the server wait until the conflicts here are resolved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows the server of this store, its last sync, the changes waiting and the conflicts.</source>
        <translation>Shows the server of this store, its last sync, the changes waiting and the conflicts.</translation>
    </message>
    <message>
        <source>Not connected to a server (local store only).</source>
        <translation>Not connected to a server (local store only).</translation>
    </message>
    <message>
        <source>Server: %1, as %2 (%3)</source>
        <translation>Server: %1, as %2 (%3)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Changes waiting: %1</source>
        <translation>Changes waiting: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>Lists the changes the server refused, or resolves one: keep this store&apos;s version (sent again, over the server&apos;s) or take the server&apos;s (this store&apos;s change is dropped).</source>
        <translation>Lists the changes the server refused, or resolves one: keep this store&apos;s version (sent again, over the server&apos;s) or take the server&apos;s (this store&apos;s change is dropped).</translation>
    </message>
    <message>
        <source>Send this store&apos;s version again.</source>
        <translation>Send this store&apos;s version again.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Take the server&apos;s version.</source>
        <translation>Take the server&apos;s version.</translation>
    </message>
    <message>
        <source>A conflict is named by its number (see centrale-cli conflicts).</source>
        <translation>A conflict is named by its number (see centrale-cli conflicts).</translation>
    </message>
    <message>
        <source>Your version will be sent at the next sync.</source>
        <translation>Your version will be sent at the next sync.</translation>
    </message>
    <message>
        <source>The server&apos;s version is now in this store.</source>
        <translation>The server&apos;s version is now in this store.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Ends the session on the server and removes its token from the system keychain.</source>
        <translation>Ends the session on the server and removes its token from the system keychain.</translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation>Logged out of %1.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>User group</source>
        <translation>User group</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
    <message>
        <source>Function number</source>
        <translation>Function number</translation>
    </message>
    <message>
        <source>Calendar event</source>
        <translation>Calendar event</translation>
    </message>
    <message>
        <source>SIP phone</source>
        <translation>SIP phone</translation>
    </message>
    <message>
        <source>Key template</source>
        <translation>Key template</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>It was deleted on the server after you changed it here.</source>
        <translation>It was deleted on the server after you changed it here.</translation>
    </message>
    <message>
        <source>It was changed on the server (now version %1) after you changed it here.</source>
        <translation>It was changed on the server (now version %1) after you changed it here.</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Sending changes</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Receiving changes</translation>
    </message>
    <message>
        <source>There is no conflict %1.</source>
        <translation>There is no conflict %1.</translation>
    </message>
    <message>
        <source>Welcome message to</source>
        <translation>Welcome message to</translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n change(s) sent and %1 received until then are kept; the next sync goes on from there.</source>
        <translation>
            <numerusform>Sync stopped: %n change sent and %1 received until then are kept; the next sync goes on from there.</numerusform>
            <numerusform>Sync stopped: %n changes sent and %1 received until then are kept; the next sync goes on from there.</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN of</source>
        <translation>PIN of</translation>
    </message>
    <message>
        <source>Password of</source>
        <translation>Password of</translation>
    </message>
    <message>
        <source>Photo of</source>
        <translation>Photo of</translation>
    </message>
</context>
<context>
    <name>SyncSetup</name>
    <message>
        <source>This store holds the organisation %1, but %2 administers %3 on that server.</source>
        <translation>This store holds the organisation %1, but %2 administers %3 on that server.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>There is no session for %1 on %2: log in again.</translation>
    </message>
</context>
<context>
    <name>User</name>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>A user cannot be in the same group twice.</source>
        <translation>A user cannot be in the same group twice.</translation>
    </message>
</context>
<context>
    <name>UserCsv</name>
    <message>
        <source>The row has %1 fields but the header names %2 columns; check the separators and quotes.</source>
        <translation>The row has %1 fields but the header names %2 columns; check the separators and quotes.</translation>
    </message>
    <message>
        <source>There is no user group %1; create it first or correct the name.</source>
        <translation>There is no user group %1; create it first or correct the name.</translation>
    </message>
    <message>
        <source>The username %1 is already on line %2 of the file.</source>
        <translation>The username %1 is already on line %2 of the file.</translation>
    </message>
    <message>
        <source>%1 is not in the organisation&apos;s pool of numbers.</source>
        <translation>%1 is not in the organisation&apos;s pool of numbers.</translation>
    </message>
    <message>
        <source>%1 is already assigned to %2.</source>
        <translation>%1 is already assigned to %2.</translation>
    </message>
    <message>
        <source>The direct number %1 is already given on line %2 of the file.</source>
        <translation>The direct number %1 is already given on line %2 of the file.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</source>
        <translation>
            <numerusform>%n row of the file is rejected; nothing was imported. Correct it, or import the other rows and skip this one.</numerusform>
            <numerusform>%n rows of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2 Nothing was imported.</source>
        <translation>Line %1: %2 Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>UserGroup</name>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
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
        <translation>%1 cannot be used as a photo: %2.</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>The picture</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>The photo could not be written as JPEG: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>The photo is too detailed to fit the size limit.</translation>
    </message>
</context>
<context>
    <name>UserPhotoImage</name>
    <message>
        <source>The photo is not a JPEG picture that can be read (%1).</source>
        <translation>The photo is not a JPEG picture that can be read (%1).</translation>
    </message>
    <message>
        <source>it does not start as a JPEG file</source>
        <translation>it does not start as a JPEG file</translation>
    </message>
    <message>
        <source>The photo could not be written as JPEG: %1.</source>
        <translation>The photo could not be written as JPEG: %1.</translation>
    </message>
    <message>
        <source>The photo is too detailed to fit the size limit.</source>
        <translation>The photo is too detailed to fit the size limit.</translation>
    </message>
    <message>
        <source>The photo is %1 x %2 pixels: too large to be a photo.</source>
        <translation>The photo is %1 x %2 pixels: too large to be a photo.</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>The user cannot join a group that does not exist (%1).</source>
        <translation>The user cannot join a group that does not exist (%1).</translation>
    </message>
    <message>
        <source>The username %1 is already taken.</source>
        <translation>The username %1 is already taken.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>No such user.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>There is no user %1.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG picture.</source>
        <translation>The photo must be a JPEG picture.</translation>
    </message>
    <message>
        <source>The photo is too large (%1 KiB); at most %2 KiB.</source>
        <translation>The photo is too large (%1 KiB); at most %2 KiB.</translation>
    </message>
    <message>
        <source>Choose at least one access: Web, Mobile or Softphone.</source>
        <translation>Choose at least one access: Web, Mobile or Softphone.</translation>
    </message>
    <message>
        <source>The user group no longer exists.</source>
        <translation>The user group no longer exists.</translation>
    </message>
</context>
<context>
    <name>Validators</name>
    <message>
        <source>The domain is empty; enter one such as domaincustomer.be.</source>
        <translation>The domain is empty; enter one such as domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid domain; enter one such as domaincustomer.be.</source>
        <translation>%1 is not a valid domain; enter one such as domaincustomer.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address; it must look like name@example.be.</source>
        <translation>%1 is not a valid email address; it must look like name@example.be.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: the part before @ contains characters that are not allowed.</source>
        <translation>%1 is not a valid email address: the part before @ contains characters that are not allowed.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address: %2 is not a valid domain.</source>
        <translation>%1 is not a valid email address: %2 is not a valid domain.</translation>
    </message>
    <message>
        <source>The username is empty; it must look like user.1@%1.</source>
        <translation>The username is empty; it must look like user.1@%1.</translation>
    </message>
    <message>
        <source>%1 is not a valid username; it must look like user.1@%2.</source>
        <translation>%1 is not a valid username; it must look like user.1@%2.</translation>
    </message>
    <message>
        <source>%1 is not a valid username: the part before @ may contain only letters, digits and . _ -</source>
        <translation>%1 is not a valid username: the part before @ may contain only letters, digits and . _ -</translation>
    </message>
    <message>
        <source>%1 is not a valid username: it must end with @%2, the organisation&apos;s domain.</source>
        <translation>%1 is not a valid username: it must end with @%2, the organisation&apos;s domain.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <extracomment>%1 is a field label such as &quot;Name&quot;</extracomment>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1 is too long: %2 characters, at most %3.</translation>
    </message>
    <message>
        <source>%1 contains a control character; remove it.</source>
        <translation>%1 contains a control character; remove it.</translation>
    </message>
    <message>
        <source>%1 is not a supported language; choose fr, nl or en.</source>
        <translation>%1 is not a supported language; choose fr, nl or en.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>The PIN must be 4 to 8 digits.</translation>
    </message>
    <message>
        <source>The password must have at least 10 characters.</source>
        <translation>The password must have at least 10 characters.</translation>
    </message>
    <message>
        <source>The password must contain at least one letter and one digit.</source>
        <translation>The password must contain at least one letter and one digit.</translation>
    </message>
    <message>
        <source>The password must not contain the username.</source>
        <translation>The password must not contain the username.</translation>
    </message>
</context>
<context>
    <name>VoicePrompt</name>
    <message>
        <source>Imported file</source>
        <translation>Imported file</translation>
    </message>
    <message>
        <source>Recorded locally</source>
        <translation>Recorded locally</translation>
    </message>
    <message>
        <source>Recorded by call</source>
        <translation>Recorded by call</translation>
    </message>
    <message>
        <source>%1 is not a known prompt origin.</source>
        <translation>%1 is not a known prompt origin.</translation>
    </message>
    <message>
        <source>Prompt name</source>
        <translation>Prompt name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>The duration of a prompt cannot be negative.</source>
        <translation>The duration of a prompt cannot be negative.</translation>
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
        <translation>No email address or mobile number registered: add one to the user first.</translation>
    </message>
</context>
<context>
    <name>centrale::AudioInputSource</name>
    <message>
        <source>The audio input %1 cannot be used.</source>
        <translation>The audio input %1 cannot be used.</translation>
    </message>
    <message>
        <source>The audio input %1 could not be opened. Check that it is connected and not used by another program.</source>
        <translation>The audio input %1 could not be opened. Check that it is connected and not used by another program.</translation>
    </message>
</context>
<context>
    <name>centrale::CalendarEditor</name>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>None: the default state applies</source>
        <translation>None: the default state applies</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <extracomment>%1 is the priority (1 = first), %2 the event&apos;s title</extracomment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>%1 and %2 are the first and last day of a week</extracomment>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Delete the event “%1” from this calendar?</source>
        <translation>Delete the event “%1” from this calendar?</translation>
    </message>
    <message>
        <source>When no event applies, the number is:</source>
        <translation>When no event applies, the number is:</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Default state</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Schedule events, by priority</translation>
    </message>
    <message>
        <source>The first event that applies wins. Drag an event, or press Ctrl+Up and Ctrl+Down, to change its priority.</source>
        <translation>The first event that applies wins. Drag an event, or press Ctrl+Up and Ctrl+Down, to change its priority.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <source>&amp;Edit event…</source>
        <translation>&amp;Edit event…</translation>
    </message>
    <message>
        <source>D&amp;uplicate event</source>
        <translation>D&amp;uplicate event</translation>
    </message>
    <message>
        <source>&amp;Delete event</source>
        <translation>&amp;Delete event</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>&amp;Copy calendar to…</source>
        <translation>&amp;Copy calendar to…</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Week timeline: open in green, closed in red</source>
        <translation>Week timeline: open in green, closed in red</translation>
    </message>
    <message>
        <source>What happens at…</source>
        <translation>What happens at…</translation>
    </message>
    <message>
        <source>Date and time to preview</source>
        <translation>Date and time to preview</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Voice prompt:</source>
        <translation>Voice prompt:</translation>
    </message>
    <message>
        <source>Deciding event:</source>
        <translation>Deciding event:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
    <message>
        <source>Deciding event</source>
        <translation>Deciding event</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Up</source>
        <extracomment>Move the selected event up (higher priority)</extracomment>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <extracomment>Move the selected event down (lower priority)</extracomment>
        <translation>Down</translation>
    </message>
    <message>
        <source>Copy to…</source>
        <translation>Copy to…</translation>
    </message>
    <message>
        <source>Green: open. Red: closed. Paler: no event applies, the default state does. Point at the week to see the deciding event.</source>
        <translation>Green: open. Red: closed. Paler: no event applies, the default state does. Point at the week to see the deciding event.</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>Import a calendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar files (*.ics);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Cannot read %1: %2.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 was not imported: %2</translation>
    </message>
    <message numerus="yes">
        <source>Import %n event(s) from an .ics file</source>
        <translation>
            <numerusform>Import %n event from an .ics file</numerusform>
            <numerusform>Import %n events from an .ics file</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>The calendar was not exported to %1: %2</source>
        <extracomment>%1 is a file name, %2 the reason</extracomment>
        <translation>The calendar was not exported to %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Add %n Belgian holiday(s)</source>
        <translation>
            <numerusform>Add %n Belgian holiday</numerusform>
            <numerusform>Add %n Belgian holidays</numerusform>
        </translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Import .ics…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Export .ics…</translation>
    </message>
    <message>
        <source>Belgian holidays…</source>
        <translation>Belgian holidays…</translation>
    </message>
    <message>
        <source>Calendar files and holidays</source>
        <translation>Calendar files and holidays</translation>
    </message>
    <message>
        <source>Calendar</source>
        <extracomment>Tool bar button opening the menu with Import .ics…, Export .ics… and Belgian holidays…</extracomment>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictFieldsModel</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Service settings</source>
        <translation>Service settings</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>In this store</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
</context>
<context>
    <name>centrale::ConflictsDialog</name>
    <message>
        <source>Conflicts with the server</source>
        <translation>Conflicts with the server</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Fields of the record</source>
        <translation>Fields of the record</translation>
    </message>
    <message>
        <source>These changes of this store were refused by the server. Choose for each one which version stays.</source>
        <translation>These changes of this store were refused by the server. Choose for each one which version stays.</translation>
    </message>
    <message>
        <source>No conflicts: every change of this store was accepted by the server.</source>
        <translation>No conflicts: every change of this store was accepted by the server.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server refused this change: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The server refused this change: %2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Send this change again, for example once the reason is fixed on the server.</source>
        <translation>Send this change again, for example once the reason is fixed on the server.</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Drop my change</translation>
    </message>
    <message>
        <source>Forget this change and take the server&apos;s record.</source>
        <translation>Forget this change and take the server&apos;s record.</translation>
    </message>
    <message>
        <source>Send this store&apos;s version to the server, over the server&apos;s.</source>
        <translation>Send this store&apos;s version to the server, over the server&apos;s.</translation>
    </message>
    <message>
        <source>Take the server&apos;s version here and drop this store&apos;s change.</source>
        <translation>Take the server&apos;s version here and drop this store&apos;s change.</translation>
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
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Add phone number</source>
        <translation>Add phone number</translation>
    </message>
    <message>
        <source>Remove number</source>
        <translation>Remove number</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone numbers (entered as you would dial them; stored in the +32 format)</source>
        <translation>Phone numbers (entered as you would dial them; stored in the +32 format)</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Create a new contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
</context>
<context>
    <name>centrale::ContactsModel</name>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Defined for</source>
        <translation>Defined for</translation>
    </message>
</context>
<context>
    <name>centrale::ContactsPage</name>
    <message>
        <source>Delete contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Delete the contact %1? Users will no longer see it.</source>
        <translation>Delete the contact %1? Users will no longer see it.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Contact lists</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <source>Configure for all users in the organisation</source>
        <translation>Configure for all users in the organisation</translation>
    </message>
    <message>
        <source>A user group</source>
        <translation>A user group</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>A user</translation>
    </message>
    <message>
        <source>Search a user: username or name</source>
        <translation>Search a user: username or name</translation>
    </message>
    <message>
        <source>Show what this user sees</source>
        <translation>Show what this user sees</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>Create a new contact</translation>
    </message>
    <message>
        <source>Create a contact at the chosen level (%1)</source>
        <translation>Create a contact at the chosen level (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Change the selected contact&apos;s names, email and phone numbers</source>
        <translation>Change the selected contact&apos;s names, email and phone numbers</translation>
    </message>
    <message>
        <source>Delete the selected contact (%1)</source>
        <translation>Delete the selected contact (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::CopyCalendarDialog</name>
    <message>
        <source>Copy calendar</source>
        <translation>Copy calendar</translation>
    </message>
    <message>
        <source>Copy the events of %1 to these function numbers. The events are added after their own events.</source>
        <extracomment>%1 is a function number&apos;s name</extracomment>
        <translation>Copy the events of %1 to these function numbers. The events are added after their own events.</translation>
    </message>
    <message>
        <source>Function numbers to copy to</source>
        <translation>Function numbers to copy to</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
</context>
<context>
    <name>centrale::CsvActions</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>users.csv</source>
        <translation>users.csv</translation>
    </message>
    <message>
        <source>contacts.csv</source>
        <translation>contacts.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Import users…</source>
        <translation>Import users…</translation>
    </message>
    <message>
        <source>Create or update users from a CSV file; you see what would change before anything is written</source>
        <translation>Create or update users from a CSV file; you see what would change before anything is written</translation>
    </message>
    <message>
        <source>Export users…</source>
        <translation>Export users…</translation>
    </message>
    <message>
        <source>Write every user to a CSV file that Excel and LibreOffice open</source>
        <translation>Write every user to a CSV file that Excel and LibreOffice open</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Import contacts…</translation>
    </message>
    <message>
        <source>Create or update contacts from a CSV file; you see what would change before anything is written</source>
        <translation>Create or update contacts from a CSV file; you see what would change before anything is written</translation>
    </message>
    <message>
        <source>Export contacts…</source>
        <translation>Export contacts…</translation>
    </message>
    <message>
        <source>Write every contact to a CSV file that Excel and LibreOffice open</source>
        <translation>Write every contact to a CSV file that Excel and LibreOffice open</translation>
    </message>
</context>
<context>
    <name>centrale::CsvImportDialog</name>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Skip the rejected rows and import the others</source>
        <translation>Skip the rejected rows and import the others</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Import users</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
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
        <translation>Reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Columns not understood, ignored: %1</source>
        <translation>Columns not understood, ignored: %1</translation>
    </message>
    <message>
        <source>Correct the rejected rows, or choose to skip them.</source>
        <translation>Correct the rejected rows, or choose to skip them.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>Imported: %1 created, %2 updated.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>centrale::ElevationDialog</name>
    <message>
        <source>Password needed</source>
        <translation>Password needed</translation>
    </message>
    <message>
        <source>For your organisation&apos;s safety, the administrator view asks for your password again after a few minutes without use, as the portal does. Give the password of %1 to go on syncing.</source>
        <translation>For your organisation&apos;s safety, the administrator view asks for your password again after a few minutes without use, as the portal does. Give the password of %1 to go on syncing.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>centrale::EventEditorDialog</name>
    <message>
        <source>Calendar event</source>
        <translation>Calendar event</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <source>Voice &amp;prompt:</source>
        <translation>Voice &amp;prompt:</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>S&amp;tart:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>On &amp;days:</source>
        <translation>On &amp;days:</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>R&amp;ule:</translation>
    </message>
    <message>
        <source>Repeat u&amp;ntil:</source>
        <translation>Repeat u&amp;ntil:</translation>
    </message>
    <message>
        <source>E&amp;xceptions:</source>
        <translation>E&amp;xceptions:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>Days of the week</translation>
    </message>
    <message>
        <source>Repeat rule</source>
        <translation>Repeat rule</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Repeat until</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>None</source>
        <extracomment>No voice prompt: the function number&apos;s usual prompt plays</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>&amp;All day</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Every week</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Every month</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Every year</translation>
    </message>
    <message>
        <source>Custom rule (iCalendar RRULE)</source>
        <translation>Custom rule (iCalendar RRULE)</translation>
    </message>
    <message>
        <source>Forever</source>
        <extracomment>How a repeating event ends</extracomment>
        <translation>Forever</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Until a date</translation>
    </message>
    <message>
        <source>A number of times</source>
        <translation>A number of times</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Last date</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Number of times</translation>
    </message>
    <message>
        <source> times</source>
        <translation> times</translation>
    </message>
    <message>
        <source>Exception date</source>
        <translation>Exception date</translation>
    </message>
    <message>
        <source>A&amp;dd date</source>
        <translation>A&amp;dd date</translation>
    </message>
    <message>
        <source>Re&amp;move date</source>
        <translation>Re&amp;move date</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>centrale::FunctionsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Default state</source>
        <translation>Default state</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>The state a function number&apos;s schedule gives now: open or closed</extracomment>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>centrale::GroupDialog</name>
    <message>
        <source>New user group</source>
        <translation>New user group</translation>
    </message>
    <message>
        <source>Edit user group</source>
        <translation>Edit user group</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Group settings</translation>
    </message>
    <message>
        <source>Inherited</source>
        <extracomment>A setting not set on the group: the organisation&apos;s value applies.</extracomment>
        <translation>Inherited</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Check box of a yes/no service setting.</extracomment>
        <translation>On</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>centrale::GroupsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Group settings</translation>
    </message>
</context>
<context>
    <name>centrale::GroupsPage</name>
    <message>
        <source>Delete user group</source>
        <translation>Delete user group</translation>
    </message>
    <message>
        <source>Remove the members from this group and delete it?</source>
        <translation>Remove the members from this group and delete it?</translation>
    </message>
    <message>
        <source>Remove the members and delete</source>
        <translation>Remove the members and delete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>User groups</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>Create a user group (%1)</source>
        <translation>Create a user group (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Rename the selected group, change its description and its settings</source>
        <translation>Rename the selected group, change its description and its settings</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected group (%1)</source>
        <translation>Delete the selected group (%1)</translation>
    </message>
</context>
<context>
    <name>centrale::HolidaysDialog</name>
    <message numerus="yes">
        <source>%n closed all-day event(s) will be added at the top of the calendar (highest priority).</source>
        <translation>
            <numerusform>%n closed all-day event will be added at the top of the calendar (highest priority).</numerusform>
            <numerusform>%n closed all-day events will be added at the top of the calendar (highest priority).</numerusform>
        </translation>
    </message>
    <message>
        <source>Belgian holidays</source>
        <translation>Belgian holidays</translation>
    </message>
    <message>
        <source>&amp;From year:</source>
        <translation>&amp;From year:</translation>
    </message>
    <message>
        <source>&amp;To year:</source>
        <translation>&amp;To year:</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>From year</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>To year</translation>
    </message>
    <message>
        <source>Also the &amp;communities&apos; holidays (11 July, 27 September, 15 November)</source>
        <translation>Also the &amp;communities&apos; holidays (11 July, 27 September, 15 November)</translation>
    </message>
    <message>
        <source>&amp;Add holidays</source>
        <translation>&amp;Add holidays</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>centrale::ImportIcsDialog</name>
    <message>
        <source>%1 cannot be imported: %2</source>
        <extracomment>%1 is a file name, %2 the reason (naming the line)</extracomment>
        <translation>%1 cannot be imported: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be added after this calendar&apos;s own events:</source>
        <translation>
            <numerusform>%n event will be added after this calendar&apos;s own events:</numerusform>
            <numerusform>%n events will be added after this calendar&apos;s own events:</numerusform>
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
            <numerusform>%n item will be skipped:</numerusform>
            <numerusform>%n items will be skipped:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <extracomment>%1 is the .ics file&apos;s name</extracomment>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>As in the file</source>
        <extracomment>The imported events keep the state (open or closed) the file gives them
----------
The imported events keep the voice prompt the file names</extracomment>
        <translation>As in the file</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>&amp;State of the imported events:</source>
        <translation>&amp;State of the imported events:</translation>
    </message>
    <message>
        <source>&amp;Voice prompt:</source>
        <translation>&amp;Voice prompt:</translation>
    </message>
    <message>
        <source>State of the imported events</source>
        <translation>State of the imported events</translation>
    </message>
    <message>
        <source>Voice prompt of the imported events</source>
        <translation>Voice prompt of the imported events</translation>
    </message>
    <message>
        <source>Events to import</source>
        <translation>Events to import</translation>
    </message>
    <message>
        <source>Skipped items</source>
        <translation>Skipped items</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The calendar is empty, so the file&apos;s default state (%1) will be applied too.</source>
        <extracomment>%1 is Open or Closed</extracomment>
        <translation>The calendar is empty, so the file&apos;s default state (%1) will be applied too.</translation>
    </message>
</context>
<context>
    <name>centrale::KeyDialog</name>
    <message>
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <source>Program a key</source>
        <translation>Program a key</translation>
    </message>
    <message>
        <source>Inherit from the key template</source>
        <translation>Inherit from the key template</translation>
    </message>
    <message>
        <source>Choose a colleague with the magnifier</source>
        <translation>Choose a colleague with the magnifier</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Find a colleague by name, number or username</source>
        <translation>Find a colleague by name, number or username</translation>
    </message>
    <message>
        <source>The colleague&apos;s name</source>
        <translation>The colleague&apos;s name</translation>
    </message>
    <message>
        <source>Colleague:</source>
        <translation>Colleague:</translation>
    </message>
    <message>
        <source>Label on the phone:</source>
        <translation>Label on the phone:</translation>
    </message>
    <message>
        <source>Shown on the phone&apos;s screen</source>
        <translation>Shown on the phone&apos;s screen</translation>
    </message>
    <message>
        <source>+32 2 345 67 89</source>
        <translation>+32 2 345 67 89</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <source>The key shows what the key template of the user&apos;s groups programs on it, if any.</source>
        <translation>The key shows what the key template of the user&apos;s groups programs on it, if any.</translation>
    </message>
    <message>
        <source>Nothing on this key, even where a key template programs it.</source>
        <translation>Nothing on this key, even where a key template programs it.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Type the number as people dial it, e.g. 02 345 67 89 or +32 475 12 34 56.</source>
        <translation>Type the number as people dial it, e.g. 02 345 67 89 or +32 475 12 34 56.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>centrale::KeyTemplatesDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Add key…</source>
        <translation>&amp;Add key…</translation>
    </message>
    <message>
        <source>&amp;Program key…</source>
        <translation>&amp;Program key…</translation>
    </message>
    <message>
        <source>Re&amp;move key</source>
        <translation>Re&amp;move key</translation>
    </message>
    <message>
        <source>Key templates</source>
        <translation>Key templates</translation>
    </message>
    <message>
        <source>Groups the template is attached to</source>
        <translation>Groups the template is attached to</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Attached to the groups</source>
        <translation>Attached to the groups</translation>
    </message>
    <message>
        <source>Members of a ticked group find these keys on their phones. A group has at most one template: ticking it here takes it from its other template.</source>
        <translation>Members of a ticked group find these keys on their phones. A group has at most one template: ticking it here takes it from its other template.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>New template %1</source>
        <translation>New template %1</translation>
    </message>
    <message>
        <source>Delete key template</source>
        <translation>Delete key template</translation>
    </message>
    <message>
        <source>Delete the key template %1?</source>
        <translation>Delete the key template %1?</translation>
    </message>
    <message>
        <source>Delete the key template %1? The phones of its groups&apos; members lose its keys.</source>
        <translation>Delete the key template %1? The phones of its groups&apos; members lose its keys.</translation>
    </message>
</context>
<context>
    <name>centrale::LoginDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>Log in as an administrator of your organisation. This store then sends its changes to the server and receives the changes made elsewhere.</source>
        <translation>Log in as an administrator of your organisation. This store then sends its changes to the server and receives the changes made elsewhere.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>name@domain or +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Username or mobile number</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, your username and your password.</source>
        <translation>Give the server&apos;s address, your username and your password.</translation>
    </message>
</context>
<context>
    <name>centrale::MainWindow</name>
    <message>
        <source>About Centrale</source>
        <translation>About Centrale</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Administration of hosted business telephony: contact lists, voice prompts, calendars, user groups, users and SIP phones, with offline editing.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Centrale %1&lt;/h3&gt;&lt;p&gt;Administration of hosted business telephony: contact lists, voice prompts, calendars, user groups, users and SIP phones, with offline editing.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</translation>
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
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Centrale</source>
        <translation>&amp;About Centrale</translation>
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
        <translation>Function numbers</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>User administration</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>Contact lists</translation>
    </message>
    <message>
        <source>Voice prompts</source>
        <translation>Voice prompts</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>Calendars</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>User groups</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>SIP phones</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Contacts can be defined for the whole organisation, a user group or a user. A user inherits the contacts of the organisation and of every group it belongs to.</source>
        <translation>Contacts can be defined for the whole organisation, a user group or a user. A user inherits the contacts of the organisation and of every group it belongs to.</translation>
    </message>
    <message>
        <source>Prompts are stored as A-law, 8 kHz, mono. The description should be the exact text of the prompt.</source>
        <translation>Prompts are stored as A-law, 8 kHz, mono. The description should be the exact text of the prompt.</translation>
    </message>
    <message>
        <source>Each function number&apos;s schedule is a list of events in order of priority: the first event that applies wins. By default a function number is closed.</source>
        <translation>Each function number&apos;s schedule is a list of events in order of priority: the first event that applies wins. By default a function number is closed.</translation>
    </message>
    <message>
        <source>Users of a group share its service settings. Select a group to list its users.</source>
        <translation>Users of a group share its service settings. Select a group to list its users.</translation>
    </message>
    <message>
        <source>Users of the group</source>
        <translation>Users of the group</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Local store: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule of the selected function number</source>
        <translation>Schedule of the selected function number</translation>
    </message>
    <message>
        <source>Select a phone to program its keys; select several for changes on all of them. &quot;Save and reload&quot; sends the phones their new settings.</source>
        <translation>Select a phone to program its keys; select several for changes on all of them. &quot;Save and reload&quot; sends the phones their new settings.</translation>
    </message>
    <message>
        <source>Keys of the selected phone</source>
        <translation>Keys of the selected phone</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Disconnect this store from %1? Its changes stay here and are sent when you connect again.</source>
        <translation>Disconnect this store from %1? Its changes stay here and are sent when you connect again.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Connect to a server…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>C&amp;onflicts…</source>
        <translation>C&amp;onflicts…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
</context>
<context>
    <name>centrale::NewPromptDialog</name>
    <message>
        <source>Import a voice prompt</source>
        <translation>Import a voice prompt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The recording stopped after the longest duration a prompt may have.</source>
        <translation>The recording stopped after the longest duration a prompt may have.</translation>
    </message>
    <message>
        <source>A voice prompt named %1 already exists. Choose another name.</source>
        <translation>A voice prompt named %1 already exists. Choose another name.</translation>
    </message>
    <message>
        <source>Recording by call needs the connection to the telephony server. Import a file or record locally.</source>
        <translation>Recording by call needs the connection to the telephony server. Import a file or record locally.</translation>
    </message>
    <message>
        <source>Choose the audio file to import, or drop it on this window.</source>
        <translation>Choose the audio file to import, or drop it on this window.</translation>
    </message>
    <message>
        <source>Record the prompt first: press Record, speak, then press Stop.</source>
        <translation>Record the prompt first: press Record, speak, then press Stop.</translation>
    </message>
    <message>
        <source>The conversion was cancelled; nothing was stored.</source>
        <translation>The conversion was cancelled; nothing was stored.</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>New voice prompt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>A good practice is to write the exact text of the prompt.</source>
        <translation>A good practice is to write the exact text of the prompt.</translation>
    </message>
    <message>
        <source>The exact text of the prompt</source>
        <translation>The exact text of the prompt</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>&amp;Import a file</source>
        <translation>&amp;Import a file</translation>
    </message>
    <message>
        <source>Audio file to import</source>
        <translation>Audio file to import</translation>
    </message>
    <message>
        <source>WAV, AIFF, FLAC, Ogg… at any rate</source>
        <translation>WAV, AIFF, FLAC, Ogg… at any rate</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>You can also drop an audio file on this window.</source>
        <translation>You can also drop an audio file on this window.</translation>
    </message>
    <message>
        <source>Record &amp;locally</source>
        <translation>Record &amp;locally</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microphone:</translation>
    </message>
    <message>
        <source>Audio input</source>
        <translation>Audio input</translation>
    </message>
    <message>
        <source>Recording level</source>
        <translation>Recording level</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Recorded time</translation>
    </message>
    <message>
        <source>No audio input device was found (no microphone, sound card or sound server): local recording is not available. Import a file instead.</source>
        <translation>No audio input device was found (no microphone, sound card or sound server): local recording is not available. Import a file instead.</translation>
    </message>
    <message>
        <source>Record by &amp;call</source>
        <translation>Record by &amp;call</translation>
    </message>
    <message>
        <source>User to call</source>
        <translation>User to call</translation>
    </message>
    <message>
        <source>Converting the audio</source>
        <translation>Converting the audio</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>Converting…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Normalise loudness to −16 L&amp;UFS</source>
        <translation>Normalise loudness to −16 L&amp;UFS</translation>
    </message>
    <message>
        <source>R&amp;etake</source>
        <translation>R&amp;etake</translation>
    </message>
    <message>
        <source>Cancel con&amp;version</source>
        <translation>Cancel con&amp;version</translation>
    </message>
    <message>
        <source>The call is in progress. Hang up the phone to end it; the window then shows what was recorded.</source>
        <translation>The call is in progress. Hang up the phone to end it; the window then shows what was recorded.</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>Calling</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Recording (%1 s)</source>
        <translation>Recording (%1 s)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Saved, fetching the recording…</source>
        <translation>Saved, fetching the recording…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called.</source>
        <translation>Choose the user whose phone is called.</translation>
    </message>
    <message>
        <source>The call failed (%1).</source>
        <translation>The call failed (%1).</translation>
    </message>
    <message>
        <source>The recording is saved on the server but could not be fetched yet (%1). It arrives with the next sync.</source>
        <translation>The recording is saved on the server but could not be fetched yet (%1). It arrives with the next sync.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the user whose phone is called</source>
        <translation>Choose the user whose phone is called</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Not available: recording by call needs the connection to the telephony server (Server › Connect to a server…). The server calls the chosen user, who speaks the prompt into the phone.</source>
        <translation>Not available: recording by call needs the connection to the telephony server (Server › Connect to a server…). The server calls the chosen user, who speaks the prompt into the phone.</translation>
    </message>
    <message>
        <source>Call the &amp;phone</source>
        <translation>Call the &amp;phone</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>Call &amp;again</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordDialog</name>
    <message>
        <source>Generate a password</source>
        <translation>Generate a password</translation>
    </message>
    <message>
        <source>Choose the password</source>
        <translation>Choose the password</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Generated password</source>
        <translation>Generated password</translation>
    </message>
    <message>
        <source>Generate another</source>
        <translation>Generate another</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>The password of %1 is used for the web portal and the PC application. Centrale keeps only a protected form of it, sent to the server at the next synchronisation: note the password now to give it to the user.</source>
        <translation>The password of %1 is used for the web portal and the PC application. Centrale keeps only a protected form of it, sent to the server at the next synchronisation: note the password now to give it to the user.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>At least 10 characters, with a letter and a digit.</source>
        <translation>At least 10 characters, with a letter and a digit.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>centrale::PasswordResetDialog</name>
    <message>
        <source>Send a code</source>
        <translation>Send a code</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>Set the password</translation>
    </message>
    <message>
        <source>Forgot password</source>
        <translation>Forgot password</translation>
    </message>
    <message>
        <source>Give your username or registered mobile number: a code to choose a new password is sent to you by email or SMS.</source>
        <translation>Give your username or registered mobile number: a code to choose a new password is sent to you by email or SMS.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>name@domain or +324…</source>
        <translation>name@domain or +324…</translation>
    </message>
    <message>
        <source>Username or mobile number</source>
        <translation>Username or mobile number</translation>
    </message>
    <message>
        <source>Code received</source>
        <translation>Code received</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username or mobile:</source>
        <translation>&amp;Username or mobile:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>Give your username or mobile number.</source>
        <translation>Give your username or mobile number.</translation>
    </message>
    <message>
        <source>Give the code you received and a new password.</source>
        <translation>Give the code you received and a new password.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneDetail</name>
    <message>
        <source>SIP phones</source>
        <translation>SIP phones</translation>
    </message>
    <message>
        <source>No phone selected</source>
        <translation>No phone selected</translation>
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
        <translation>Keys in grey italics come from the key template of the user&apos;s group. Program a key to replace it on this phone only; &quot;Inherit&quot; brings the template&apos;s key back.</translation>
    </message>
    <message>
        <source>Program key…</source>
        <translation>Program key…</translation>
    </message>
    <message>
        <source>Choose what the selected key does</source>
        <translation>Choose what the selected key does</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>Inherit</translation>
    </message>
    <message>
        <source>Remove this phone&apos;s own key: the key template&apos;s key applies again</source>
        <translation>Remove this phone&apos;s own key: the key template&apos;s key applies again</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneKeysModel</name>
    <message>
        <source>Not programmed</source>
        <translation>Not programmed</translation>
    </message>
    <message>
        <source>This phone (replaces template %1)</source>
        <extracomment>%1 the name of the key template whose key this phone&apos;s own key replaces</extracomment>
        <translation>This phone (replaces template %1)</translation>
    </message>
    <message>
        <source>This phone</source>
        <translation>This phone</translation>
    </message>
    <message>
        <source>Inherited from template %1</source>
        <extracomment>%1 e.g. &quot;Sales keys (group Sales)&quot;</extracomment>
        <translation>Inherited from template %1</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(user removed)</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>column of a phone&apos;s keys: the key&apos;s number</extracomment>
        <translation>Key</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label on the phone</source>
        <extracomment>column of a phone&apos;s keys: the text the phone shows next to the key</extracomment>
        <translation>Label on the phone</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Comes from</source>
        <extracomment>column of a phone&apos;s keys: where the key comes from</extracomment>
        <translation>Comes from</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloadQueue</name>
    <message>
        <source>reloaded</source>
        <translation>reloaded</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>changes waiting</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Cancelled before the phone was asked; its changes wait.</source>
        <translation>Cancelled before the phone was asked; its changes wait.</translation>
    </message>
</context>
<context>
    <name>centrale::PhoneReloader</name>
    <message>
        <source>This version of Centrale cannot send SIP requests; the change stays queued for the phone.</source>
        <translation>This version of Centrale cannot send SIP requests; the change stays queued for the phone.</translation>
    </message>
</context>
<context>
    <name>centrale::PhonesModel</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
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
        <translation>Changes</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <extracomment>The phone has not received its latest settings yet</extracomment>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
</context>
<context>
    <name>centrale::PhonesPage</name>
    <message>
        <source>Save and reload</source>
        <extracomment>The portal&apos;s button: saves the keys and has the phone reload its settings</extracomment>
        <translation>Save and reload</translation>
    </message>
    <message numerus="yes">
        <source>Sending the settings to %n phone(s)…</source>
        <translation>
            <numerusform>Sending the settings to %n phone…</numerusform>
            <numerusform>Sending the settings to %n phones…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Phone %1 of %2: sending the settings…</source>
        <extracomment>progress of &quot;Save and reload&quot;: %1 phones done out of %2</extracomment>
        <translation>Phone %1 of %2: sending the settings…</translation>
    </message>
    <message numerus="yes">
        <source>Program a key on %n phone(s)</source>
        <translation>
            <numerusform>Program a key on %n phone</numerusform>
            <numerusform>Program a key on %n phones</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no key template yet: create one with &quot;Key templates…&quot;.</source>
        <translation>There is no key template yet: create one with &quot;Key templates…&quot;.</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys</source>
        <translation>Copy a template&apos;s keys</translation>
    </message>
    <message numerus="yes">
        <source>Program the keys of this template on the %n selected phone(s), as their own keys:</source>
        <translation>
            <numerusform>Program the keys of this template on the selected phone (%n), as its own keys:</numerusform>
            <numerusform>Program the keys of this template on the %n selected phones, as their own keys:</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the keys</source>
        <translation>Copy the keys</translation>
    </message>
    <message>
        <source>Provisioning file %1</source>
        <extracomment>%1 the file&apos;s name, e.g. 000413AABBCC.xml</extracomment>
        <translation>Provisioning file %1</translation>
    </message>
    <message>
        <source>What %1 (%2) receives when it reloads its settings, in %3&apos;s format.</source>
        <translation>What %1 (%2) receives when it reloads its settings, in %3&apos;s format.</translation>
    </message>
    <message>
        <source>SIP phones</source>
        <translation>SIP phones</translation>
    </message>
    <message>
        <source>Send the selected phones their settings and ask them to reload</source>
        <translation>Send the selected phones their settings and ask them to reload</translation>
    </message>
    <message>
        <source>Program a key…</source>
        <translation>Program a key…</translation>
    </message>
    <message>
        <source>Program one key on every selected phone</source>
        <translation>Program one key on every selected phone</translation>
    </message>
    <message>
        <source>Copy a template&apos;s keys…</source>
        <translation>Copy a template&apos;s keys…</translation>
    </message>
    <message>
        <source>Program a key template&apos;s keys on every selected phone</source>
        <translation>Program a key template&apos;s keys on every selected phone</translation>
    </message>
    <message>
        <source>Key templates…</source>
        <translation>Key templates…</translation>
    </message>
    <message>
        <source>Sets of keys that the phones of a user group&apos;s members inherit</source>
        <translation>Sets of keys that the phones of a user group&apos;s members inherit</translation>
    </message>
    <message>
        <source>Show provisioning file…</source>
        <translation>Show provisioning file…</translation>
    </message>
    <message>
        <source>The selected phone&apos;s settings file, as the phone receives it</source>
        <translation>The selected phone&apos;s settings file, as the phone receives it</translation>
    </message>
</context>
<context>
    <name>centrale::PinDialog</name>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>The PIN is used on DECT phones and for free seating: 4 to 8 digits.</source>
        <translation>The PIN is used on DECT phones and for free seating: 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Generate a PIN</source>
        <translation>Generate a PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>centrale::PromptDetail</name>
    <message>
        <source>Select a voice prompt to see its waveform.</source>
        <translation>Select a voice prompt to see its waveform.</translation>
    </message>
    <message>
        <source>Waveform of %1</source>
        <translation>Waveform of %1</translation>
    </message>
    <message>
        <source>This voice prompt has no audio yet: import or record it.</source>
        <translation>This voice prompt has no audio yet: import or record it.</translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation>Duration: %1 s</translation>
    </message>
    <message>
        <source>Levels: peak %1 dBFS, RMS %2 dBFS</source>
        <translation>Levels: peak %1 dBFS, RMS %2 dBFS</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Origin: %1</translation>
    </message>
    <message>
        <source>Source file: %1</source>
        <translation>Source file: %1</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
    <message>
        <source>Not used by any calendar event.</source>
        <translation>Not used by any calendar event.</translation>
    </message>
    <message>
        <source>Used by these calendar events:</source>
        <translation>Used by these calendar events:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
    <message>
        <source>Play or stop the voice prompt</source>
        <translation>Play or stop the voice prompt</translation>
    </message>
    <message>
        <source>Where the voice prompt is used</source>
        <translation>Where the voice prompt is used</translation>
    </message>
</context>
<context>
    <name>centrale::PromptsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Used by</translation>
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
        <translation>Delete voice prompt</translation>
    </message>
    <message>
        <source>The voice prompt was deleted.</source>
        <translation>The voice prompt was deleted.</translation>
    </message>
    <message>
        <source>Delete the voice prompt %1? This cannot be undone.</source>
        <translation>Delete the voice prompt %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <source>Export voice prompt</source>
        <translation>Export voice prompt</translation>
    </message>
    <message>
        <source>WAV files (*.wav)</source>
        <translation>WAV files (*.wav)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>New voice prompt</source>
        <translation>New voice prompt</translation>
    </message>
    <message>
        <source>New voice prompt: import a file or record it (%1)</source>
        <translation>New voice prompt: import a file or record it (%1)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected voice prompt (%1)</source>
        <translation>Delete the selected voice prompt (%1)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the selected voice prompt as a WAV file (A-law, 8 kHz, mono)</source>
        <translation>Save the selected voice prompt as a WAV file (A-law, 8 kHz, mono)</translation>
    </message>
    <message>
        <source>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</source>
        <translation>No audio output device was found (no sound card or sound server): the prompt cannot be played here.</translation>
    </message>
    <message>
        <source>Play the selected voice prompt</source>
        <translation>Play the selected voice prompt</translation>
    </message>
</context>
<context>
    <name>centrale::ReloadResultsDialog</name>
    <message>
        <source>Save and reload</source>
        <translation>Save and reload</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC address</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) reloaded their settings.</source>
        <translation>
            <numerusform>%n phone reloaded its settings.</numerusform>
            <numerusform>%n phones reloaded their settings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) did not: their changes stay waiting and are sent at the next reload.</source>
        <translation>
            <numerusform>%n phone did not: its changes stay waiting and are sent at the next reload.</numerusform>
            <numerusform>%n phones did not: their changes stay waiting and are sent at the next reload.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::ScheduleEventsModel</name>
    <message>
        <source>This event never takes effect: events above it always cover it.</source>
        <translation>This event never takes effect: events above it always cover it.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
</context>
<context>
    <name>centrale::SipNotifier</name>
    <message>
        <source>The phone has no network address: enter its IP address or host name.</source>
        <translation>The phone has no network address: enter its IP address or host name.</translation>
    </message>
    <message>
        <source>The phone at %1 has no valid SIP port (0).</source>
        <translation>The phone at %1 has no valid SIP port (0).</translation>
    </message>
    <message>
        <source>The SIP library could not be started.</source>
        <translation>The SIP library could not be started.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 could not be found: check the host name.</source>
        <translation>The phone&apos;s address %1 could not be found: check the host name.</translation>
    </message>
    <message>
        <source>Could not open a network socket to reach the phone: %1</source>
        <translation>Could not open a network socket to reach the phone: %1</translation>
    </message>
    <message>
        <source>Could not build the request for the phone at %1.</source>
        <translation>Could not build the request for the phone at %1.</translation>
    </message>
    <message>
        <source>The phone reloaded its configuration.</source>
        <translation>The phone reloaded its configuration.</translation>
    </message>
    <message>
        <source>The phone refused: %1.</source>
        <translation>The phone refused: %1.</translation>
    </message>
    <message>
        <source>The phone asks for a SIP user name and password (%1), and none is set for it.</source>
        <translation>The phone asks for a SIP user name and password (%1), and none is set for it.</translation>
    </message>
    <message>
        <source>The phone refused the SIP user name and password (%1).</source>
        <translation>The phone refused the SIP user name and password (%1).</translation>
    </message>
    <message>
        <source>The phone asks for a kind of authentication that Centrale cannot answer (%1).</source>
        <translation>The phone asks for a kind of authentication that Centrale cannot answer (%1).</translation>
    </message>
    <message>
        <source>Could not send the request to the phone at %1.</source>
        <translation>Could not send the request to the phone at %1.</translation>
    </message>
    <message>
        <source>No answer from the phone at %1.</source>
        <translation>No answer from the phone at %1.</translation>
    </message>
</context>
<context>
    <name>centrale::SyncController</name>
    <message>
        <source>The server is busy with this store: try again in a moment.</source>
        <translation>The server is busy with this store: try again in a moment.</translation>
    </message>
    <message>
        <source>If this account exists, a code has been sent to its email address or mobile phone. Enter it below with a new password.</source>
        <translation>If this account exists, a code has been sent to its email address or mobile phone. Enter it below with a new password.</translation>
    </message>
    <message>
        <source>Your password has been changed. You can now log in with it.</source>
        <translation>Your password has been changed. You can now log in with it.</translation>
    </message>
    <message>
        <source>A sync is running: try again when it has finished.</source>
        <translation>A sync is running: try again when it has finished.</translation>
    </message>
    <message>
        <source>There is no session for %1 on %2: log in again.</source>
        <translation>There is no session for %1 on %2: log in again.</translation>
    </message>
    <message>
        <source>Centrale is not connected to a server: use Server › Connect to a server…</source>
        <translation>Centrale is not connected to a server: use Server › Connect to a server…</translation>
    </message>
    <message>
        <source>The server did not take the new prompt, so it cannot record it yet. See Server › Conflicts…</source>
        <translation>The server did not take the new prompt, so it cannot record it yet. See Server › Conflicts…</translation>
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
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>○ not connected to a server</source>
        <translation>○ not connected to a server</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● online</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connected to %1 as %2</translation>
    </message>
    <message>
        <source>● offline — next try in %1</source>
        <translation>● offline — next try in %1</translation>
    </message>
    <message>
        <source>● offline</source>
        <translation>● offline</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the sync after the changes on their way; what was sent or received is kept</source>
        <translation>Stop the sync after the changes on their way; what was sent or received is kept</translation>
    </message>
</context>
<context>
    <name>centrale::TablePanel</name>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::UserDetail</name>
    <message>
        <source>Service settings that apply</source>
        <translation>Service settings that apply</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Comes from</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>No user selected</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Direct number:</source>
        <translation>Direct number:</translation>
    </message>
    <message>
        <source>Mobile number:</source>
        <translation>Mobile number:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>User groups:</source>
        <translation>User groups:</translation>
    </message>
    <message>
        <source>Desk phones:</source>
        <translation>Desk phones:</translation>
    </message>
</context>
<context>
    <name>centrale::UserDialog</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>+32 4xx xx xx xx</source>
        <translation>+32 4xx xx xx xx</translation>
    </message>
    <message>
        <source>Load a photo…</source>
        <translation>Load a photo…</translation>
    </message>
    <message>
        <source>A JPEG, ideally 400×400; any other picture is cropped and scaled to that size.</source>
        <translation>A JPEG, ideally 400×400; any other picture is cropped and scaled to that size.</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>Reset PIN…</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Send welcome message…</translation>
    </message>
    <message>
        <source>List available numbers</source>
        <translation>List available numbers</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direct number</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>User groups</translation>
    </message>
    <message>
        <source>Tick the groups the user belongs to. The first group in the list decides the settings that the user does not set itself.</source>
        <translation>Tick the groups the user belongs to. The first group in the list decides the settings that the user does not set itself.</translation>
    </message>
    <message>
        <source>Desk phones</source>
        <translation>Desk phones</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Edit user — %1</source>
        <translation>Edit user — %1</translation>
    </message>
    <message>
        <source>No direct number</source>
        <translation>No direct number</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No desk phone</source>
        <translation>No desk phone</translation>
    </message>
    <message>
        <source>The pool has no free number left.</source>
        <translation>The pool has no free number left.</translation>
    </message>
    <message>
        <source>No mobile number: welcome messages then go by email.</source>
        <translation>No mobile number: welcome messages then go by email.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>Load a photo</source>
        <translation>Load a photo</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>centrale::UserSearchDialog</name>
    <message>
        <source>Find a colleague</source>
        <translation>Find a colleague</translation>
    </message>
    <message>
        <source>Name, number or username</source>
        <translation>Name, number or username</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direct number</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>No user matches.</source>
        <translation>No user matches.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n users are shown: type more to narrow the search.</source>
        <translation>
            <numerusform>The first user (%n) is shown: type more to narrow the search.</numerusform>
            <numerusform>The first %n users are shown: type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) found.</source>
        <translation>
            <numerusform>%n user found.</numerusform>
            <numerusform>%n users found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::UsersModel</name>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Direct number</source>
        <translation>Direct number</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>User groups</translation>
    </message>
    <message>
        <source>Desk phones</source>
        <translation>Desk phones</translation>
    </message>
</context>
<context>
    <name>centrale::UsersPage</name>
    <message>
        <source>Mobile number changed</source>
        <translation>Mobile number changed</translation>
    </message>
    <message>
        <source>The mobile number changed. Send the welcome message to the user?</source>
        <translation>The mobile number changed. Send the welcome message to the user?</translation>
    </message>
    <message>
        <source>Send welcome message…</source>
        <translation>Send welcome message…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>There is no user group yet: create one under User groups.</source>
        <translation>There is no user group yet: create one under User groups.</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Add to group</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Remove from group</translation>
    </message>
    <message numerus="yes">
        <source>Add the %n selected user(s) to the group:</source>
        <translation>
            <numerusform>Add the selected user to the group:</numerusform>
            <numerusform>Add the %n selected users to the group:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected user(s) from the group:</source>
        <translation>
            <numerusform>Remove the selected user from the group:</numerusform>
            <numerusform>Remove the %n selected users from the group:</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>MAC address: %1</source>
        <translation>MAC address: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent to the phone: %1</source>
        <translation>Changes waiting to be sent to the phone: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(user removed)</source>
        <translation>(user removed)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Key %1 — %2: %3</source>
        <translation>Key %1 — %2: %3</translation>
    </message>
    <message>
        <source>Phone settings</source>
        <translation>Phone settings</translation>
    </message>
    <message>
        <source>No key is programmed.</source>
        <translation>No key is programmed.</translation>
    </message>
    <message>
        <source>Programmed keys:</source>
        <translation>Programmed keys:</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Edit user…</source>
        <translation>Edit user…</translation>
    </message>
    <message>
        <source>Edit the selected user; the arrow opens the other actions on the selected users</source>
        <translation>Edit the selected user; the arrow opens the other actions on the selected users</translation>
    </message>
    <message>
        <source>Password, PIN, photo, names, email, groups, direct and mobile number, desk phones</source>
        <translation>Password, PIN, photo, names, email, groups, direct and mobile number, desk phones</translation>
    </message>
    <message>
        <source>Send the selected users how to sign in and install the applications</source>
        <translation>Send the selected users how to sign in and install the applications</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>Add to group…</translation>
    </message>
    <message>
        <source>Add the selected users to a user group</source>
        <translation>Add the selected users to a user group</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>Remove from group…</translation>
    </message>
    <message>
        <source>Remove the selected users from a user group</source>
        <translation>Remove the selected users from a user group</translation>
    </message>
    <message>
        <source>In every column</source>
        <translation>In every column</translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation>In: %1</translation>
    </message>
    <message>
        <source>Column to filter</source>
        <translation>Column to filter</translation>
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
        <translation>%1: %2 (default state)</translation>
    </message>
    <message>
        <source>%1: %2, event “%3”</source>
        <extracomment>%1 is a time span, %2 open or closed, %3 the deciding event&apos;s title</extracomment>
        <translation>%1: %2, event “%3”</translation>
    </message>
</context>
<context>
    <name>centrale::WelcomeDialog</name>
    <message>
        <source>Welcome message</source>
        <translation>Welcome message</translation>
    </message>
    <message>
        <source>How to sign in to the web portal</source>
        <translation>How to sign in to the web portal</translation>
    </message>
    <message>
        <source>Where to download the smartphone app and how to set it up</source>
        <translation>Where to download the smartphone app and how to set it up</translation>
    </message>
    <message>
        <source>Where to download the PC softphone and how to set it up</source>
        <translation>Where to download the PC softphone and how to set it up</translation>
    </message>
    <message>
        <source>Select one or more accesses. The message tells the user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>Select one or more accesses. The message tells the user how to sign in or install the application, with the username and a link to choose a password.</translation>
    </message>
    <message numerus="yes">
        <source>Select one or more accesses for the %n selected user(s). The message tells each user how to sign in or install the application, with the username and a link to choose a password.</source>
        <translation>
            <numerusform>Select one or more accesses for the selected user (%n). The message tells each user how to sign in or install the application, with the username and a link to choose a password.</numerusform>
            <numerusform>Select one or more accesses for the %n selected users. The message tells each user how to sign in or install the application, with the username and a link to choose a password.</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
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
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Queued: by email to %1</source>
        <translation>Queued: by email to %1</translation>
    </message>
    <message>
        <source>Queued: by SMS to %1</source>
        <translation>Queued: by SMS to %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) cannot be sent.</source>
        <translation>
            <numerusform>%n message cannot be sent.</numerusform>
            <numerusform>%n messages cannot be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>They are sent when Centrale is connected to the server; until then they wait with the other changes.</source>
        <translation>They are sent when Centrale is connected to the server; until then they wait with the other changes.</translation>
    </message>
    <message>
        <source>Sending through the server…</source>
        <translation>Sending through the server…</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). The messages wait with the other changes and are sent at the next sync.</source>
        <translation>The server cannot be reached (%1). The messages wait with the other changes and are sent at the next sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued.</source>
        <translation>
            <numerusform>%n message queued.</numerusform>
            <numerusform>%n messages queued.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent by SMS to %1</source>
        <translation>Sent by SMS to %1</translation>
    </message>
    <message>
        <source>Sent by email to %1</source>
        <translation>Sent by email to %1</translation>
    </message>
    <message>
        <source>by SMS to %1</source>
        <translation>by SMS to %1</translation>
    </message>
    <message>
        <source>by email to %1</source>
        <translation>by email to %1</translation>
    </message>
    <message>
        <source>Queued: %1, about to be sent</source>
        <translation>Queued: %1, about to be sent</translation>
    </message>
    <message>
        <source>Queued for another attempt, %1: %2</source>
        <translation>Queued for another attempt, %1: %2</translation>
    </message>
    <message>
        <source>the server gave no reason</source>
        <translation>the server gave no reason</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n message sent.</numerusform>
            <numerusform>%n messages sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued: the server tries again, and this window checks every few seconds.</source>
        <translation>
            <numerusform>%n message queued: the server tries again, and this window checks every few seconds.</numerusform>
            <numerusform>%n messages queued: the server tries again, and this window checks every few seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not sent.</source>
        <translation>
            <numerusform>%n message not sent.</numerusform>
            <numerusform>%n messages not sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>centrale::server::CallRecorder</name>
    <message>
        <source>The phone&apos;s address %1 cannot be resolved.</source>
        <translation>The phone&apos;s address %1 cannot be resolved.</translation>
    </message>
    <message>
        <source>The phone&apos;s address %1 cannot be reached from this server.</source>
        <translation>The phone&apos;s address %1 cannot be reached from this server.</translation>
    </message>
    <message>
        <source>The SIP stack could not start (error %1).</source>
        <translation>The SIP stack could not start (error %1).</translation>
    </message>
</context>
<context>
    <name>centrale::server::HttpServer</name>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>Cannot read the certificate %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 holds no PEM certificate.</translation>
    </message>
    <message>
        <source>Cannot read the key %1: %2</source>
        <translation>Cannot read the key %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation>%1 holds no PEM private key (RSA or EC).</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, for example 127.0.0.1:8443.</source>
        <translation>--listen takes HOST:PORT, for example 127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>The port in --listen must be a number from 0 to 65535.</source>
        <translation>The port in --listen must be a number from 0 to 65535.</translation>
    </message>
    <message>
        <source>%1 is not an IP address to listen on.</source>
        <translation>%1 is not an IP address to listen on.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (is the port in use?).</source>
        <translation>Cannot listen on %1:%2 (is the port in use?).</translation>
    </message>
</context>
</TS>
