// centrale-cli prompt ..., run as a process: output, JSON, exit codes, errors naming the file.
#include "CliRunner.h"

#include "audio/PromptConverter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace centrale;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CENTRALE_TEST_DATA "/audio/") + name;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliPrompt : public QObject {
    Q_OBJECT

    using Run = CliRun;

    Run cli(const QStringList &args)
    {
        return runCli(args, m_dir.filePath(QStringLiteral("xdg")));
    }

    // prompt ... --store <the demo store>
    Run prompt(const QStringList &args) { return cli(QStringList {u"prompt"_s} + args + QStringList {u"--store"_s, m_store}); }

    QJsonObject listed(const QString &name)
    {
        const Run r = prompt({u"list"_s, u"--json"_s});
        if (r.code != 0)
            qWarning().noquote() << r.err;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (v[u"name"_s].toString() == name)
                return v.toObject();
        }
        return {};
    }

    int promptCount()
    {
        return int(QJsonDocument::fromJson(prompt({u"list"_s, u"--json"_s}).out.toUtf8()).array().size());
    }

    QTemporaryDir m_dir;
    QString m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(u"demo.sqlite"_s);
        const Run r = cli({u"demo"_s, u"--store"_s, m_store});
        QCOMPARE(r.code, 0);
    }

    void helpAndUsage()
    {
        Run r = cli({u"--help"_s});
        QCOMPARE(r.code, 0);
        for (const char *command : {"prompt convert", "prompt import", "prompt list", "prompt export", "prompt delete"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        r = cli({u"prompt"_s, u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"--target-lufs"_s));
        r = cli({u"prompt"_s, u"convert"_s, u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"--normalise"_s));

        r = cli({u"prompt"_s});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"prompt convert"_s));
        r = cli({u"prompt"_s, u"frobnicate"_s});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"frobnicate"_s));
        const QString out = m_dir.filePath(u"usage.wav"_s);
        QCOMPARE(cli({u"prompt"_s, u"convert"_s, fixture(u"rate-8k.wav"_s)}).code, 2);
        QCOMPARE(cli({u"prompt"_s, u"convert"_s, fixture(u"rate-8k.wav"_s), out, u"extra"_s}).code, 2);
        QCOMPARE(cli({u"prompt"_s, u"convert"_s, u"--bogus"_s, fixture(u"rate-8k.wav"_s), out}).code, 2);
        r = cli({u"prompt"_s, u"convert"_s, u"--normalise"_s, u"--target-lufs"_s, u"loud"_s, fixture(u"rate-8k.wav"_s), out});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"loud"_s));
        QCOMPARE(cli({u"prompt"_s, u"convert"_s, u"--normalise"_s, u"--target-lufs"_s, u"-3"_s, fixture(u"rate-8k.wav"_s), out}).code, 2);
        r = cli({u"prompt"_s, u"convert"_s, u"--target-lufs"_s, u"-20"_s, fixture(u"rate-8k.wav"_s), out});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"--normalise"_s));
        QVERIFY(!QFileInfo::exists(out));
        r = prompt({u"import"_s, fixture(u"rate-8k.wav"_s)});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"--name"_s));
        QCOMPARE(prompt({u"export"_s, u"Accueil"_s}).code, 2);
        QCOMPARE(prompt({u"delete"_s}).code, 2);
        QCOMPARE(prompt({u"list"_s, u"extra"_s}).code, 2);
    }

    void convertPrintsWhatItDid()
    {
        const QString out = m_dir.filePath(u"speech.wav"_s);
        const Run r = cli({u"prompt"_s, u"convert"_s, fixture(u"speech-22k.wav"_s), out});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(u"Duration: 1.0 s"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Source: WAV, PCM 16-bit, 22050 Hz, mono"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Peak: -"_s));
        QVERIFY(r.out.contains(u"RMS: -"_s));
        QVERIFY(r.out.contains(u"dBFS"_s));
        QVERIFY(!r.out.contains(u"lossy"_s));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const auto decoded = PromptConverter::decodePrompt(fileBytes(out));
        QVERIFY(decoded.ok());
        QVERIFY(std::abs(qint64(decoded->size()) - 8000) <= 8);
    }

    void convertJson()
    {
        const QString out = m_dir.filePath(u"stereo.wav"_s);
        const Run r = cli({u"--json"_s, u"prompt"_s, u"convert"_s, fixture(u"stereo-44k1.wav"_s), out});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"durationMs"_s].toInteger(), 500);
        QCOMPARE(o[u"sourceFormat"_s].toString(), u"WAV, PCM 16-bit, 44100 Hz, stereo"_s);
        QVERIFY(std::abs(o[u"peakDbfs"_s].toDouble() + 6.02) < 0.6);
        QVERIFY(o[u"rmsDbfs"_s].toDouble() < o[u"peakDbfs"_s].toDouble());
        QCOMPARE(o[u"lossySource"_s].toBool(), false);
        QCOMPARE(o[u"normalised"_s].toBool(), false);
        QCOMPARE(o[u"warnings"_s].toArray().size(), 0);
        QCOMPARE(o[u"bytes"_s].toInteger(), QFileInfo(out).size());
    }

    void convertLossyAndWarnings()
    {
        Run r = cli({u"prompt"_s, u"convert"_s, fixture(u"sine-1k-48k.ogg"_s), m_dir.filePath(u"ogg.wav"_s)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(u"lossy"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Vorbis"_s));
        r = cli({u"prompt"_s, u"convert"_s, fixture(u"size-mismatch.wav"_s), m_dir.filePath(u"mismatch.wav"_s)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(u"Warning: size-mismatch.wav is shorter than its header says"_s), qPrintable(r.err));
        r = cli({u"--json"_s, u"prompt"_s, u"convert"_s, fixture(u"size-mismatch.wav"_s), m_dir.filePath(u"mismatch.wav"_s)});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"warnings"_s].toArray().size(), 1);
    }

    void convertNormalise()
    {
        const QString out = m_dir.filePath(u"quiet.wav"_s);
        const auto peakOf = [&](const QStringList &extra) {
            const Run r = cli(QStringList {u"--json"_s, u"prompt"_s, u"convert"_s} + extra + QStringList {fixture(u"sine-1k-48k-quiet.wav"_s), out});
            return r.code == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object()[u"peakDbfs"_s].toDouble() : 1.0;
        };
        const double plain = peakOf({});
        const double normalised = peakOf({u"--normalise"_s});
        const double quieter = peakOf({u"--normalise"_s, u"--target-lufs"_s, u"-30"_s});
        QVERIFY2(std::abs(plain + 26.02) < 0.6, qPrintable(QString::number(plain)));
        QVERIFY2(normalised > plain + 6.0 && normalised <= 0.0, qPrintable(QString::number(normalised)));
        QVERIFY2(std::abs((normalised - quieter) - 14.0) < 0.5, qPrintable(QString::number(normalised - quieter)));
        const Run r = cli({u"prompt"_s, u"convert"_s, u"--normalise"_s, fixture(u"sine-1k-48k-quiet.wav"_s), out});
        QVERIFY(r.out.contains(u"Loudness normalised to -16.0 LUFS"_s));
    }

    void convertBadInput_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *file : {"empty.wav", "truncated-header.wav", "raw.wav", "photo.wav", "zero-channels.wav", "rate-500.wav", "no-such-file.wav"})
            QTest::newRow(file) << QString::fromLatin1(file);
    }

    void convertBadInput()
    {
        QFETCH(QString, file);
        // An earlier output is left as it was: nothing is half-written.
        const QString out = m_dir.filePath(u"kept.wav"_s);
        QFile earlier(out);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("earlier");
        earlier.close();
        const Run r = cli({u"prompt"_s, u"convert"_s, fixture(file), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fileBytes(out), QByteArray("earlier"));
    }

    void convertUnwritableOutput()
    {
        QFile plain(m_dir.filePath(u"plain"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString out = m_dir.filePath(u"plain/out.wav"_s);
        const Run r = cli({u"prompt"_s, u"convert"_s, fixture(u"rate-8k.wav"_s), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QDir::toNativeSeparators(out)), qPrintable(r.err));
    }

    void listShowsDemoPromptsAndUsage()
    {
        const QJsonObject newYear = listed(u"Fermeture annuelle"_s);
        QVERIFY(!newYear.isEmpty());
        QVERIFY(newYear[u"description"_s].toString().startsWith(u"Bonne année"_s));
        QVERIFY(newYear[u"durationMs"_s].toInteger() > 2000);
        QCOMPARE(newYear[u"origin"_s].toString(), u"imported"_s);
        QVERIFY(!newYear.contains(u"audio"_s)); // listings do not carry the audio
        const QJsonArray usedBy = newYear[u"usedBy"_s].toArray();
        QCOMPARE(usedBy.size(), 1);
        QCOMPARE(usedBy.first()[u"functionNumber"_s].toString(), u"Accueil"_s);
        QCOMPARE(usedBy.first()[u"event"_s].toString(), u"Nouvel an"_s);
        QCOMPARE(listed(u"Accueil"_s)[u"usedBy"_s].toArray().size(), 2);

        const Run r = prompt({u"list"_s});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        for (const QString &header : {u"Name"_s, u"Description"_s, u"Duration"_s, u"Origin"_s, u"Used by"_s})
            QVERIFY2(lines.first().contains(header), qPrintable(lines.first()));
        QVERIFY(r.out.contains(u"Accueil (Nouvel an)"_s));
        QVERIFY(r.out.contains(u"Support (Heures d'ouverture)"_s));
        QVERIFY(r.out.contains(u"Imported file"_s));
        QVERIFY(r.out.contains(u"Recorded locally"_s));

        const Run missing = cli({u"prompt"_s, u"list"_s, u"--store"_s, m_dir.filePath(u"nope.sqlite"_s)});
        QCOMPARE(missing.code, 3);
    }

    void importListExportDelete()
    {
        const int before = promptCount();
        Run r = prompt({u"import"_s, u"--name"_s, u"Menu"_s, u"--description"_s, u"Tapez 1 pour le support."_s, fixture(u"speech-22k.wav"_s)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(u"speech-22k.wav"_s) && r.out.contains(u"Menu"_s), qPrintable(r.out));
        QCOMPARE(promptCount(), before + 1);
        const QJsonObject menu = listed(u"Menu"_s);
        QCOMPARE(menu[u"description"_s].toString(), u"Tapez 1 pour le support."_s);
        QCOMPARE(menu[u"origin"_s].toString(), u"imported"_s);
        QCOMPARE(menu[u"sourceFile"_s].toString(), u"speech-22k.wav"_s);
        QVERIFY(std::abs(menu[u"durationMs"_s].toInteger() - 1000) <= 10);
        QCOMPARE(menu[u"usedBy"_s].toArray().size(), 0);

        // Normalised on import, with --json.
        r = prompt({u"import"_s, u"--json"_s, u"--normalise"_s, u"--name"_s, u"Calme"_s, fixture(u"sine-1k-48k-quiet.wav"_s)});
        QCOMPARE(r.code, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"peakDbfs"_s].toDouble() > -20.0);

        // Duplicate name, bad file, missing store.
        r = prompt({u"import"_s, u"--name"_s, u"menu"_s, fixture(u"speech-22k.wav"_s)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"menu"_s), qPrintable(r.err));
        r = prompt({u"import"_s, u"--name"_s, u"Photo"_s, fixture(u"photo.wav"_s)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"photo.wav"_s), qPrintable(r.err));
        QCOMPARE(promptCount(), before + 2);
        r = cli({u"prompt"_s, u"import"_s, u"--name"_s, u"X"_s, fixture(u"rate-8k.wav"_s), u"--store"_s, m_dir.filePath(u"nope.sqlite"_s)});
        QCOMPARE(r.code, 3);

        // Export: the stored bytes, whole; an unknown name or an unwritable path fails.
        const QString exported = m_dir.filePath(u"menu.wav"_s);
        r = prompt({u"export"_s, u"Menu"_s, exported});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QDir::toNativeSeparators(exported)));
        const QByteArray bytes = fileBytes(exported);
        QVERIFY(PromptConverter::decodePrompt(bytes).ok());
        QCOMPARE(bytes, PromptConverter().convertFile(fixture(u"speech-22k.wav"_s), {})->wav);
        r = prompt({u"export"_s, u"Nobody"_s, m_dir.filePath(u"nobody.wav"_s)});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"Nobody"_s));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nobody.wav"_s)));
        QVERIFY(QDir(m_dir.path()).mkpath(u"folder.wav"_s));
        r = prompt({u"export"_s, u"Menu"_s, m_dir.filePath(u"folder.wav"_s)});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QDir::toNativeSeparators(m_dir.filePath(u"folder.wav"_s))));

        // The demo prompt's audio is the committed resource, bit for bit.
        const QString demo = m_dir.filePath(u"demo.wav"_s);
        QCOMPARE(prompt({u"export"_s, u"Fermeture annuelle"_s, demo}).code, 0);
        QCOMPARE(fileBytes(demo), fileBytes(QStringLiteral(CENTRALE_TEST_DATA "/../../resources/demo/fermeture-annuelle.wav")));

        // Delete: refused, with the events, while a calendar uses the prompt.
        r = prompt({u"delete"_s, u"Fermeture annuelle"_s});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"Accueil (Nouvel an)"_s), qPrintable(r.err));
        QVERIFY(!listed(u"Fermeture annuelle"_s).isEmpty());
        r = prompt({u"delete"_s, u"Menu"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"Menu"_s));
        QVERIFY(listed(u"Menu"_s).isEmpty());
        r = prompt({u"delete"_s, u"Menu"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"Menu"_s));
        QCOMPARE(promptCount(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestCliPrompt)
#include "tst_cli_prompt.moc"
