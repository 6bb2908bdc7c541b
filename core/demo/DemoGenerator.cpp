#include "demo/DemoGenerator.h"

#include "audio/PromptConverter.h"
#include "domain/Record.h"
#include "domain/ServiceSettings.h"
#include "domain/Contact.h"
#include "domain/User.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/ListQuery.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace centrale {

namespace {

const char *const kFirstNames[] = {
    "Emma", "Louise", "Olivia", "Mila", "Elena", "Lina", "Marie", "Sophie", "Nathalie", "Isabelle", "Véronique", "Anne",
    "Els", "An", "Inge", "Chantal", "Hélène", "Noor", "Lotte", "Fien", "Noah", "Arthur", "Lucas", "Liam", "Jules",
    "Adam", "Louis", "Thomas", "Pieter", "Jan", "Koen", "Bart", "Wim", "Luc", "Marc", "Philippe", "Frédéric", "Jérôme",
    "Dirk", "Geert", "Stijn", "Maxime", "Victor", "Mathis", "Rayan", "Yasmine", "Sara", "Ines",
};
const char *const kLastNames[] = {
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
    "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Lejeune", "Renard", "Dumont",
    "Vermeulen", "Van den Bossche", "Michel", "Hermans", "Van Damme", "De Clercq", "Lemmens", "Desmet", "Lefèvre",
    "Mathieu", "Collin", "Denis", "Declercq", "Pauwels", "Van Dyck", "Aerts", "Verstraete", "Fontaine", "Gilson",
    "Bertrand", "El Amrani", "Benali", "Nowak", "Rossi", "Leroy", "Hendrickx", "Cools", "Lenaerts",
};
constexpr int kFirstCount = static_cast<int>(std::size(kFirstNames));
constexpr int kLastCount = static_cast<int>(std::size(kLastNames));

const char *const kCompanies[] = {"Proximus", "Bpost", "Colruyt", "Delhaize", "Solvay", "UCB", "Barco", "Bekaert",
                                  "KBC", "Belfius", "Telenet", "Orange Belgium", "Brussels Airport", "SNCB", "De Lijn",
                                  "STIB", "TEC", "Engie", "Luminus", "Securitas"};
constexpr int kCompanyCount = static_cast<int>(std::size(kCompanies));

QString latin(const char *s)
{
    return QString::fromUtf8(s);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString json(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// One prepared INSERT, executed once per row.
class Insert {
public:
    Insert(Database &db, const QString &sql) : m_query(db.connection()), m_db(db)
    {
        m_prepared = m_query.prepare(sql);
    }
    Status row(const QVariantList &values)
    {
        if (!m_prepared)
            return m_db.storageError(DemoGenerator::tr("Preparing the demo data"), m_query);
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, Database::bindable(values.at(i)));
        if (!m_query.exec())
            return m_db.storageError(DemoGenerator::tr("Writing the demo data"), m_query);
        return {};
    }

private:
    QSqlQuery m_query;
    Database &m_db;
    bool m_prepared = false;
};

QVariant null()
{
    return QVariant();
}

// Direct numbers: Brussels +32 2 3xx xx xx. Mobiles: +32 47x xx xx xx.
QString poolNumber(int i)
{
    return QStringLiteral("+3223%1").arg(i, 6, 10, QLatin1Char('0'));
}
QString mobileNumber(int i)
{
    return QStringLiteral("+3247%1").arg(i, 7, 10, QLatin1Char('0'));
}

} // namespace

Result<DemoGenerator::Summary> DemoGenerator::generate(Database &db, const Options &options, const Progress &progress)
{
    if (options.users < 1 || options.users > 500000)
        return Error::invalid(tr("The number of users must be between 1 and 500 000."), QStringLiteral("users"));
    {
        auto q = db.exec(QStringLiteral("SELECT count(*) FROM organisation"));
        if (!q)
            return q.error();
        q->next();
        if (q->value(0).toInt() > 0)
            return Error{ErrorCode::Duplicate, tr("The store already holds an organisation; choose a new file for the demo."), {}};
    }

    Summary sum;
    const int n = options.users;
    const int groupCount = qMax(3, n / 500);
    const int phoneCount = qMax(4, n / 2);
    const int poolSize = n + qMax(20, n / 10) + 2;
    const int totalSteps = n * 3 + poolSize + phoneCount;
    int done = 0;
    auto step = [&](int k = 1) {
        done += k;
        if (progress && (done % 5000 == 0 || done == totalSteps))
            progress(qMin(done, totalSteps), totalSteps);
    };

    Status st = db.transaction([&]() -> Status {
        // Organisation.
        Insert org(db, QStringLiteral("INSERT INTO organisation (id, domain, name, language, main_number, settings, version, dirty) "
                                      "VALUES (?, ?, ?, 'fr', ?, ?, 1, 0)"));
        if (Status s = org.row({newId(), options.domain, options.name, poolNumber(0),
                                json(ServiceSettings::organisationDefaults().toJson())});
            !s)
            return s;

        // Groups: the three of the portal's examples, then numbered teams for large organisations.
        Insert group(db, QStringLiteral("INSERT INTO user_group (id, name, description, settings, version, dirty) VALUES (?, ?, ?, ?, 1, 0)"));
        QStringList groupIds;
        for (int g = 0; g < groupCount; ++g) {
            ServiceSettings settings;
            QString name;
            QString description;
            switch (g) {
            case 0:
                name = QStringLiteral("Sales");
                description = QStringLiteral("Équipe commerciale, bureau de Bruxelles");
                settings.noAnswerSeconds = 15;
                settings.internationalCalls = true;
                break;
            case 1:
                name = QStringLiteral("Support");
                description = QStringLiteral("Helpdesk clients, Gent");
                settings.callRecording = true;
                settings.noAnswerSeconds = 30;
                break;
            case 2:
                name = QStringLiteral("Management");
                description = QStringLiteral("Direction");
                settings.internationalCalls = true;
                settings.callerId = ServiceSettings::CallerId::MainNumber;
                break;
            default:
                name = QStringLiteral("Team %1").arg(g - 2, 4, 10, QLatin1Char('0'));
                description = QStringLiteral("Équipe %1").arg(g - 2);
                if (g % 2)
                    settings.voicemail = false;
            }
            groupIds << newId();
            if (Status s = group.row({groupIds.last(), name, description, json(settings.toJson())}); !s)
                return s;
        }
        sum.groups = groupCount;

        // Users, their groups, their own contacts.
        Insert user(db, QStringLiteral("INSERT INTO app_user (id, username, first_name, last_name, email, mobile, language, settings, "
                                       "sort_last, sort_first, search_key, version, dirty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"));
        Insert member(db, QStringLiteral("INSERT INTO group_member (user_id, group_id, position) VALUES (?, ?, ?)"));
        Insert contact(db, QStringLiteral("INSERT INTO contact (id, scope, group_id, user_id, first_name, last_name, company, email, numbers, "
                                          "sort_name, search_key, version, dirty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"));
        // Writes one contact with its folded sort and search keys.
        auto addContact = [&contact](const QString &scope, const QVariant &groupId, const QVariant &userId, const QString &first,
                                     const QString &last, const QString &company, const QString &email, const QString &label,
                                     const QString &number) {
            Contact c;
            c.firstName = first;
            c.lastName = last;
            c.company = company;
            c.email = email;
            c.numbers = {{label, number}};
            const QJsonArray nums{QJsonObject{{QStringLiteral("label"), label}, {QStringLiteral("number"), number}}};
            return contact.row({newId(), scope, groupId, userId, first, last, company, email, json(nums), ContactRepository::sortName(c),
                                ContactRepository::searchKey(c)});
        };
        QStringList userIds;
        userIds.reserve(n);
        const QString languages[] = {QStringLiteral("fr"), QStringLiteral("nl"), QStringLiteral("en")};
        for (int i = 1; i <= n; ++i) {
            const QString first = latin(kFirstNames[(i * 7) % kFirstCount]);
            const QString last = latin(kLastNames[(i * 13 + i / kLastCount) % kLastCount]);
            const QString id = newId();
            userIds << id;
            ServiceSettings own;
            if (i % 10 == 0)
                own.voicemail = false;
            User u;
            u.username = QStringLiteral("user.%1@%2").arg(i).arg(options.domain);
            u.firstName = first;
            u.lastName = last;
            u.email = u.username;
            u.mobile = mobileNumber(i);
            if (Status s = user.row({id, u.username, first, last, u.email, u.mobile, languages[(i % 5 == 0) ? 2 : (i % 2)], json(own.toJson()),
                                     SqlList::fold(last), SqlList::fold(first), UserRepository::searchKey(u)});
                !s)
                return s;
            step();
            // Everyone in one group; one in four in a second one.
            const int primary = i % groupCount;
            if (Status s = member.row({id, groupIds.at(primary), 0}); !s)
                return s;
            if (i % 4 == 0) {
                if (Status s = member.row({id, groupIds.at((primary + 1) % groupCount), 1}); !s)
                    return s;
            }
            step();
            if (n <= 100 ? (i % 3 == 0) : true) {
                if (Status s = addContact(QStringLiteral("user"), null(), id, latin(kFirstNames[(i * 3) % kFirstCount]),
                                          latin(kLastNames[(i * 5) % kLastCount]), QString(), QString(), QStringLiteral("Mobile"),
                                          mobileNumber(5000000 + i));
                    !s)
                    return s;
                ++sum.contacts;
            }
            step();
        }
        sum.users = n;

        // Organisation and group contacts.
        const int orgContacts = qBound(8, n / 100, 2000);
        for (int c = 0; c < orgContacts; ++c) {
            const QString company = latin(kCompanies[c % kCompanyCount]) + (c >= kCompanyCount ? QStringLiteral(" %1").arg(c / kCompanyCount + 1) : QString());
            if (Status s = addContact(QStringLiteral("organisation"), null(), null(), QString(), QString(), company,
                                      QStringLiteral("contact@%1.example").arg(c), QStringLiteral("Standard"),
                                      QStringLiteral("+3225%1").arg(c, 6, 10, QLatin1Char('0')));
                !s)
                return s;
        }
        sum.contacts += orgContacts;
        for (int g = 0; g < groupCount; ++g) {
            for (int c = 0; c < 3; ++c) {
                const int k = g * 3 + c;
                if (Status s = addContact(QStringLiteral("group"), groupIds.at(g), null(), latin(kFirstNames[k % kFirstCount]),
                                          latin(kLastNames[(k * 11) % kLastCount]), latin(kCompanies[k % kCompanyCount]), QString(),
                                          QStringLiteral("Bureau"), QStringLiteral("+3293%1").arg(k, 6, 10, QLatin1Char('0')));
                    !s)
                    return s;
            }
        }
        sum.contacts += groupCount * 3;

        // Voice prompts, with real audio: espeak-ng speaking the description, converted once by
        // `centrale-cli prompt convert` and embedded (resources/demo/README.md). The converter keeps an
        // A-law 8 kHz mono file bit for bit and only measures it: duration and levels are the real ones.
        Insert prompt(db, QStringLiteral("INSERT INTO voice_prompt (id, name, description, duration_ms, origin, source_file, peak_dbfs, "
                                         "rms_dbfs, audio, version, dirty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"));
        const QString newYearPrompt = newId();
        const QString welcomePrompt = newId();
        for (const auto &[id, name, description, origin, file] :
             {std::tuple {newYearPrompt, QStringLiteral("Fermeture annuelle"),
                  QStringLiteral("Bonne année ! Nos bureaux sont fermés aujourd'hui. Nous vous répondrons dès demain."),
                  QStringLiteral("imported"), QStringLiteral("fermeture-annuelle.wav")},
                 std::tuple {welcomePrompt, QStringLiteral("Accueil"), QStringLiteral("Bienvenue chez Domain Customer. Welkom bij Domain Customer."),
                     QStringLiteral("recorded"), QStringLiteral("accueil.wav")}}) {
            auto audio = PromptConverter().convertFile(QStringLiteral(":/demo/prompts/") + file, {});
            if (!audio)
                return audio.error();
            if (Status s = prompt.row({id, name, description, audio->durationMs, origin,
                                       origin == QLatin1String("imported") ? file : QString(), audio->peakDbfs, audio->rmsDbfs,
                                       audio->wav});
                !s)
                return s;
        }
        sum.prompts = 2;

        // Function numbers and their calendars: the portal's two examples.
        Insert function(db, QStringLiteral("INSERT INTO function_number (id, number, name, default_state, version, dirty) VALUES (?, ?, ?, 'closed', 1, 0)"));
        Insert event(db, QStringLiteral("INSERT INTO schedule_event (id, function_id, position, title, state, prompt_id, start_local, end_local, all_day, rrule, version, dirty) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"));
        const QString reception = newId();
        const QString support = newId();
        if (Status s = function.row({reception, poolNumber(0), QStringLiteral("Accueil")}); !s)
            return s;
        if (Status s = function.row({support, poolNumber(1), QStringLiteral("Support")}); !s)
            return s;
        const int year = QDate::currentDate().year();
        const QString jan1 = QDate(year, 1, 1).toString(Qt::ISODate);
        if (Status s = event.row({newId(), reception, 0, QStringLiteral("Nouvel an"), QStringLiteral("closed"), newYearPrompt,
                                  QString(jan1 + QStringLiteral("T00:00:00")), QString(QDate(year, 1, 2).toString(Qt::ISODate) + QStringLiteral("T00:00:00")), 1,
                                  QStringLiteral("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1")});
            !s)
            return s;
        // The first Monday of the year starts the weekly opening hours.
        QDate monday(year, 1, 1);
        while (monday.dayOfWeek() != Qt::Monday)
            monday = monday.addDays(1);
        const QString mondayText = monday.toString(Qt::ISODate);
        for (const auto &[fid, position, title] : {std::tuple{reception, 1, QStringLiteral("Heures d'ouverture")},
                                                   std::tuple{support, 0, QStringLiteral("Heures d'ouverture")}}) {
            if (Status s = event.row({newId(), fid, position, title, QStringLiteral("open"), welcomePrompt,
                                      QString(mondayText + QStringLiteral("T08:30:00")), QString(mondayText + QStringLiteral("T12:30:00")), 0,
                                      QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")});
                !s)
                return s;
        }
        sum.functions = 2;
        sum.events = 3;

        // The pool: two numbers for the function numbers, one per user, and free ones.
        Insert number(db, QStringLiteral("INSERT INTO pool_number (id, number, user_id, function_id, version, dirty) VALUES (?, ?, ?, ?, 1, 0)"));
        for (int p = 0; p < poolSize; ++p) {
            QVariant userId = null();
            QVariant functionId = null();
            if (p == 0)
                functionId = reception;
            else if (p == 1)
                functionId = support;
            else if (p - 2 < n && (n > 100 || (p - 2) % 6 != 5)) // in the small demo, some users have no direct number
                userId = userIds.at(p - 2);
            if (Status s = number.row({newId(), poolNumber(p), userId, functionId}); !s)
                return s;
            step();
        }
        sum.numbers = poolSize;

        // SIP phones with programmed keys.
        Insert phone(db, QStringLiteral("INSERT INTO sip_phone (id, mac, model, owner_id, keys, pending_push, version, dirty) VALUES (?, ?, ?, ?, ?, 0, 1, 0)"));
        const QStringList models = {QStringLiteral("Snom D735"), QStringLiteral("Yealink T54W"), QStringLiteral("Snom D785"), QStringLiteral("Mitel 6867i")};
        for (int p = 0; p < phoneCount; ++p) {
            const int owner = (p * 2) % n;
            QJsonArray keys{
                QJsonObject{{QStringLiteral("index"), 1}, {QStringLiteral("type"), QStringLiteral("extension")},
                            {QStringLiteral("userId"), userIds.at((owner + 1) % n)}},
                QJsonObject{{QStringLiteral("index"), 2}, {QStringLiteral("type"), QStringLiteral("external")},
                            {QStringLiteral("displayName"), QStringLiteral("Taxi Verts")}, {QStringLiteral("number"), QStringLiteral("+3223494949")}},
            };
            const QString mac = QStringLiteral("000413%1").arg(p, 6, 16, QLatin1Char('0')).toUpper();
            if (Status s = phone.row({newId(), mac, models.at(p % models.size()), userIds.at(owner), json(keys)}); !s)
                return s;
            step();
        }
        sum.phones = phoneCount;

        // Key templates: the Sales and Support groups' members find their team's keys on their phones.
        Insert keyTemplate(db, QStringLiteral("INSERT INTO key_template (id, name, keys, version, dirty) VALUES (?, ?, ?, 1, 0)"));
        Insert attached(db, QStringLiteral("INSERT INTO key_template_group (group_id, template_id) VALUES (?, ?)"));
        const QString salesTemplate = newId();
        const QJsonArray salesKeys{
            QJsonObject{{QStringLiteral("index"), 3}, {QStringLiteral("type"), QStringLiteral("extension")}, {QStringLiteral("userId"), userIds.at(0)}},
            QJsonObject{{QStringLiteral("index"), 4}, {QStringLiteral("type"), QStringLiteral("external")},
                        {QStringLiteral("displayName"), QStringLiteral("Comptabilité")}, {QStringLiteral("number"), QStringLiteral("+3222345678")}},
        };
        const QString supportTemplate = newId();
        const QJsonArray supportKeys{
            QJsonObject{{QStringLiteral("index"), 3}, {QStringLiteral("type"), QStringLiteral("extension")},
                        {QStringLiteral("userId"), userIds.at(qMin(1, n - 1))}},
            QJsonObject{{QStringLiteral("index"), 5}, {QStringLiteral("type"), QStringLiteral("external")},
                        {QStringLiteral("displayName"), QStringLiteral("Dépannage & IT")}, {QStringLiteral("number"), QStringLiteral("+3292345678")}},
        };
        if (Status s = keyTemplate.row({salesTemplate, QStringLiteral("Sales keys"), json(salesKeys)}); !s)
            return s;
        if (Status s = keyTemplate.row({supportTemplate, QStringLiteral("Support keys"), json(supportKeys)}); !s)
            return s;
        if (Status s = attached.row({groupIds.at(0), salesTemplate}); !s)
            return s;
        if (Status s = attached.row({groupIds.at(1), supportTemplate}); !s)
            return s;
        sum.keyTemplates = 2;
        return {};
    });
    if (!st)
        return st.error();
    return sum;
}

} // namespace centrale
