// Every string of the sources is in the French, Dutch and English .ts files, finished, with the
// same placeholders as its source.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QStringList translations; // one, or the numerus forms
    bool unfinished = false;
    bool numerus = false;
    QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations << xml.readElementText();
            } else {
                current.translations << xml.readElementText();
            }
            out << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.removeDuplicates();
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("nl") << QStringLiteral("nl");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void complete()
    {
        QFETCH(QString, language);
        const QString source = QStringLiteral(CENTRALE_SOURCE_DIR);
        QString error;
        const QList<Message> committed = readTs(source + QStringLiteral("/translations/centrale_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!committed.isEmpty());

        // What the sources ask for today.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(CENTRALE_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-silent"),
                       source + QStringLiteral("/core"), source + QStringLiteral("/ui"), source + QStringLiteral("/app"), source + QStringLiteral("/server"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const QList<Message> wanted = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QHash<QString, Message> byKey;
        for (const Message &m : committed)
            byKey.insert(m.key(), m);
        QStringList missing;
        for (const Message &m : wanted) {
            if (!byKey.contains(m.key()))
                missing << QStringLiteral("[%1] %2").arg(m.context, m.source);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing from centrale_%1.ts (run the centrale_core_lupdate target):\n").arg(language)
                                                + missing.join(QLatin1Char('\n'))));

        QStringList problems;
        for (const Message &m : committed) {
            if (m.unfinished)
                problems << QStringLiteral("unfinished: [%1] %2").arg(m.context, m.source);
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("empty: [%1] %2").arg(m.context, m.source);
                else if (placeholders(t) != placeholders(m.source) && !(m.numerus && placeholders(t) == QStringList{}))
                    problems << QStringLiteral("placeholders differ: [%1] %2 -> %3").arg(m.context, m.source, t);
            }
            if (m.numerus && m.translations.size() < 2)
                problems << QStringLiteral("plural forms missing: [%1] %2").arg(m.context, m.source);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
