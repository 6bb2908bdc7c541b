<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
    <name>CalendarCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Unknown or missing action.</translation>
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
        <translation>Usage: centrale-cli [--store PATH] [--json] COMMAND [OPTIONS]

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
</translation>
    </message>
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
</context>
<context>
    <name>PoolNumber</name>
    <message>
        <source>A number can be assigned to a user or to a function number, not both.</source>
        <translation>A number can be assigned to a user or to a function number, not both.</translation>
    </message>
</context>
<context>
    <name>PromptCommands</name>
    <message>
        <source>Unknown or missing action.</source>
        <translation>Unknown or missing action.</translation>
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
        <source>The setting %1 has a value of the wrong type.</source>
        <translation>The setting %1 has a value of the wrong type.</translation>
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
    <name>centrale::EventsModel</name>
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
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Voice prompt</source>
        <translation>Voice prompt</translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <extracomment>An event&apos;s time span, e.g. &quot;5/1/26 08:30 – 12:30&quot;</extracomment>
        <translation>%1 %2 – %3</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Once</translation>
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
        <source>Select a phone to see its programmed keys.</source>
        <translation>Select a phone to see its programmed keys.</translation>
    </message>
    <message>
        <source>Users of the group</source>
        <translation>Users of the group</translation>
    </message>
    <message>
        <source>Schedule events, by priority</source>
        <translation>Schedule events, by priority</translation>
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
        <source>Programmed keys</source>
        <translation>Programmed keys</translation>
    </message>
    <message>
        <source>Changes to send</source>
        <translation>Changes to send</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
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
</context>
</TS>
