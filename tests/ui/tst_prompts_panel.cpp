// Organisation › Voice prompts on the demo organisation: the "New voice prompt" dialog (import by
// file dialog or drag and drop, local recording through a PCM source the test controls), the
// refusals (broken file, no input device, record by call), delete, and the waveform.
#include "audio/PromptConverter.h"
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "prompts/AudioInputSource.h"
#include "prompts/NewPromptDialog.h"
#include "prompts/PcmSource.h"
#include "prompts/PromptDetail.h"
#include "prompts/PromptFileDialog.h"
#include "prompts/PromptsPage.h"
#include "prompts/WaveformView.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolBar>
#include <QtEndian>

#include <cmath>
#include <memory>
#include <numbers>

using namespace centrale;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CENTRALE_TEST_DATA "/audio/") + name;
}

// Duration of a PCM WAV fixture, read from its header, in milliseconds.
qint64 wavDurationMs(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray d = f.readAll();
    quint32 rate = 0;
    quint16 blockAlign = 0;
    qint64 dataBytes = -1;
    for (qsizetype pos = 12; pos + 8 <= d.size();) {
        const QByteArray id = d.mid(pos, 4);
        const quint32 size = qFromLittleEndian<quint32>(d.constData() + pos + 4);
        if (id == "fmt ") {
            rate = qFromLittleEndian<quint32>(d.constData() + pos + 12);
            blockAlign = qFromLittleEndian<quint16>(d.constData() + pos + 20);
        } else if (id == "data") {
            dataBytes = size;
        }
        pos += 8 + size + (size & 1);
    }
    if (rate == 0 || blockAlign == 0 || dataBytes < 0)
        return -1;
    return dataBytes / blockAlign * 1000 / rate;
}

// A recording device the test drives: it delivers what push() gets, as a sound card would.
class TestSource final : public PcmSource {
public:
    explicit TestSource(QObject *parent = nullptr) : PcmSource(parent) {}
    QString description() const override { return QStringLiteral("Test microphone"); }
    int channels() const override { return 1; }
    int sampleRate() const override { return 48000; }
    bool start() override
    {
        running = true;
        ++starts;
        return true;
    }
    void stop() override { running = false; }
    void push(const QList<float> &samples) { Q_EMIT samplesReady(samples); }
    bool running = false;
    int starts = 0;
};

} // namespace

class TestPromptsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    int m_storeNumber = 0;

    PromptsPage *page(MainWindow &w) { return w.findChild<PromptsPage *>(QStringLiteral("promptsPage")); }

    NewPromptDialog *openDialog(MainWindow &w)
    {
        auto *toolBar = w.panel(MainWindow::Page::Prompts)->toolBar();
        QWidget *button = toolBar->widgetForAction(page(w)->newAction());
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        return w.findChild<NewPromptDialog *>(QStringLiteral("newPromptDialog"));
    }

    void chooseRecording(NewPromptDialog *dialog)
    {
        auto *radio = dialog->findChild<QRadioButton *>(QStringLiteral("recordSource"));
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    }

    QPushButton *saveButton(NewPromptDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save);
    }

    void fillNameAndDescription(NewPromptDialog *dialog, const QString &name)
    {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), name);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("description")), QStringLiteral("Bienvenue chez Centrale."));
    }

    int rowOf(TablePanel *panel, const QString &name)
    {
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            if (panel->model()->index(r, 0).data().toString() == name)
                return r;
        }
        return -1;
    }

    // Imports a fixture through the dialog, as a user would; returns the new prompt's id.
    QString importThroughDialog(MainWindow &w, const QString &file, const QString &name)
    {
        NewPromptDialog *dialog = openDialog(w);
        if (!dialog)
            return {};
        QSignalSpy created(dialog, &NewPromptDialog::promptCreated);
        fillNameAndDescription(dialog, name);
        PromptFileDialog::setNextFileName(fixture(file));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("browseButton")), Qt::LeftButton);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return created.count() == 1; }, 20000))
            return {};
        return created.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void init()
    {
        // Every test starts from the demo organisation (two prompts, "Fermeture annuelle" used by the event "Nouvel an").
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo%1.sqlite").arg(++m_storeNumber))));
        QVERIFY(DemoGenerator::generate(m_store->database(), {}));
        m_store->refreshOrganisation();
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void cleanup() { m_store.reset(); }

    void toolbarHasThePortalsActions()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        QAbstractItemModelTester tester(w.panel(MainWindow::Page::Prompts)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        PromptsPage *p = page(w);
        QVERIFY(p);
        QCOMPARE(p->newAction()->text(), QStringLiteral("New voice prompt"));
        QCOMPARE(p->newAction()->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(p->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        const QList<QAction *> actions = w.panel(MainWindow::Page::Prompts)->toolBar()->actions();
        QVERIFY(actions.contains(p->newAction()) && actions.contains(p->deleteAction()) && actions.contains(p->exportAction())
                && actions.contains(p->playAction()));
        w.setLanguage(QStringLiteral("fr"));
        QTRY_COMPARE(p->newAction()->text(), QStringLiteral("Nouvelle invite vocale"));
        w.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(p->newAction()->text(), QStringLiteral("New voice prompt"));
    }

    void importsAFileThroughTheDialog_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("sine 48 kHz") << QStringLiteral("sine-1k-48k.wav");
        QTest::newRow("speech 22 kHz") << QStringLiteral("speech-22k.wav");
    }

    void importsAFileThroughTheDialog()
    {
        QFETCH(QString, file);
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        TablePanel *panel = w.panel(MainWindow::Page::Prompts);
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel->model()->totalCount(), 2);

        const QString id = importThroughDialog(w, file, QStringLiteral("Bienvenue"));
        QVERIFY(!id.isEmpty());
        auto prompt = m_store->prompts.get(id);
        QVERIFY(prompt);
        QCOMPARE(prompt->name, QStringLiteral("Bienvenue"));
        QCOMPARE(prompt->description, QStringLiteral("Bienvenue chez Centrale."));
        QCOMPARE(prompt->origin, VoicePrompt::Origin::ImportedFile);
        QCOMPARE(prompt->sourceFile, file);
        const qint64 expected = wavDurationMs(fixture(file));
        QVERIFY(expected > 0);
        QVERIFY2(std::abs(prompt->durationMs - expected) <= 5, qPrintable(QStringLiteral("%1 vs %2").arg(prompt->durationMs).arg(expected)));
        // Stored as A-law, 8 kHz, mono: decodePrompt checks the format.
        auto audio = m_store->prompts.audio(id);
        QVERIFY(audio);
        auto samples = PromptConverter::decodePrompt(*audio);
        QVERIFY(samples);
        QVERIFY(std::abs(static_cast<qint64>(samples->size()) - expected * 8) <= 40);

        // In the list, selected, and its waveform in the detail area.
        QTRY_COMPARE(panel->model()->totalCount(), 3);
        QVERIFY(rowOf(panel, QStringLiteral("Bienvenue")) >= 0);
        QCOMPARE(panel->selectedId(), id);
        WaveformView *waveform = page(w)->detail()->waveform();
        QVERIFY(waveform->hasData());
        QCOMPARE(waveform->samples().size(), samples->size());
        QVERIFY(page(w)->exportAction()->isEnabled());

        // Export writes the stored A-law file.
        const QString out = m_dir.filePath(QStringLiteral("export-%1.wav").arg(m_storeNumber));
        PromptFileDialog::setNextFileName(out);
        page(w)->exportAction()->trigger();
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), *audio);
    }

    void dropOnThePanelOpensTheDialogWithTheFile()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        TablePanel *panel = w.panel(MainWindow::Page::Prompts);
        QVERIFY(!w.findChild<NewPromptDialog *>());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("speech-22k.wav")))});
        const QPoint at = panel->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &drop);
        QVERIFY(drop.isAccepted());

        auto *dialog = w.findChild<NewPromptDialog *>(QStringLiteral("newPromptDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->source(), NewPromptDialog::Source::File);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("file"))->text(),
                 QDir::toNativeSeparators(fixture(QStringLiteral("speech-22k.wav"))));

        // Dropping another file on the dialog itself replaces the choice.
        QMimeData other;
        other.setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("sine-1k-48k.wav")))});
        QDropEvent dropOnDialog(QPointF(dialog->rect().center()), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        QDragEnterEvent enterDialog(dialog->rect().center(), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(dialog, &enterDialog);
        QVERIFY(enterDialog.isAccepted());
        QApplication::sendEvent(dialog, &dropOnDialog);
        QVERIFY(dropOnDialog.isAccepted());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("file"))->text(),
                 QDir::toNativeSeparators(fixture(QStringLiteral("sine-1k-48k.wav"))));

        // A file that is not audio is not taken.
        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("notes.txt")))});
        QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(panel, &refused);
        QVERIFY(!refused.isAccepted());

        // And it goes through to the store like a browsed file.
        QSignalSpy created(dialog, &NewPromptDialog::promptCreated);
        fillNameAndDescription(dialog, QStringLiteral("Deposee"));
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
        QTRY_COMPARE(panel->model()->totalCount(), 3);
    }

    void brokenFileShowsTheErrorAndStoresNothing()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog);
        QSignalSpy created(dialog, &NewPromptDialog::promptCreated);
        fillNameAndDescription(dialog, QStringLiteral("Cassee"));
        PromptFileDialog::setNextFileName(fixture(QStringLiteral("photo.wav")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("browseButton")), Qt::LeftButton);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 20000);
        QVERIFY2(dialog->errorText().contains(QLatin1String("photo.wav")), qPrintable(dialog->errorText()));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("error"))->isVisible());
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isConverting());
        QCOMPARE(created.count(), 0);
        auto all = m_store->prompts.list();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(!m_store->prompts.findByName(QStringLiteral("Cassee")));
        // The form stays usable: Save is enabled again.
        QVERIFY(saveButton(dialog)->isEnabled());
    }

    void recordsThroughAPcmSource()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        QPointer<TestSource> source;
        page(w)->setSourceFactory([&source](QObject *parent) {
            source = new TestSource(parent);
            return QList<PcmSource *>{source.data()};
        });
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog);
        QVERIFY(source);
        QSignalSpy created(dialog, &NewPromptDialog::promptCreated);
        fillNameAndDescription(dialog, QStringLiteral("Enregistree"));
        chooseRecording(dialog);
        QCOMPARE(dialog->source(), NewPromptDialog::Source::Recording);
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("noInputNote"))->isVisible());
        auto *record = dialog->findChild<QPushButton *>(QStringLiteral("recordButton"));
        auto *stop = dialog->findChild<QPushButton *>(QStringLiteral("stopButton"));
        auto *retake = dialog->findChild<QPushButton *>(QStringLiteral("retakeButton"));
        auto *meter = dialog->findChild<QProgressBar *>(QStringLiteral("levelMeter"));
        QVERIFY(record->isEnabled());
        QVERIFY(!stop->isEnabled());
        QTest::mouseClick(record, Qt::LeftButton);
        QVERIFY(source->running);
        QCOMPARE(dialog->recordState(), NewPromptDialog::RecordState::Recording);
        QVERIFY(stop->isEnabled());
        QCOMPARE(meter->value(), 0);

        // 2 s of a 1 kHz tone at −6 dBFS, 48 kHz, in 100 ms chunks.
        constexpr int rate = 48000;
        int maxMeter = 0;
        for (int chunk = 0; chunk < 20; ++chunk) {
            QList<float> samples(rate / 10);
            for (int i = 0; i < samples.size(); ++i) {
                const double t = static_cast<double>(chunk * samples.size() + i) / rate;
                samples[i] = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * t));
            }
            source->push(samples);
            maxMeter = std::max(maxMeter, meter->value());
        }
        QVERIFY2(maxMeter >= 80, qPrintable(QString::number(maxMeter))); // −6 dBFS on a −60…0 dB scale
        QCOMPARE(dialog->highestLevel(), maxMeter);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("elapsed"))->text(), QStringLiteral("2.0 s"));
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!source->running);
        QCOMPARE(dialog->recordState(), NewPromptDialog::RecordState::Recorded);
        QVERIFY(retake->isEnabled());
        QCOMPARE(meter->value(), 0);

        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
        auto prompt = m_store->prompts.findByName(QStringLiteral("Enregistree"));
        QVERIFY(prompt);
        QCOMPARE(prompt->origin, VoicePrompt::Origin::RecordedLocally);
        QVERIFY2(std::abs(prompt->durationMs - 2000) <= 20, qPrintable(QString::number(prompt->durationMs)));
        QVERIFY(prompt->peakDbfs > -7.5 && prompt->peakDbfs < -5.0);
        QTRY_COMPARE(w.panel(MainWindow::Page::Prompts)->model()->totalCount(), 3);
        QVERIFY(page(w)->detail()->waveform()->hasData());
    }

    void retakeDiscardsTheFirstTake()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        QPointer<TestSource> source;
        page(w)->setSourceFactory([&source](QObject *parent) {
            source = new TestSource(parent);
            return QList<PcmSource *>{source.data()};
        });
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog && source);
        chooseRecording(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("recordButton")), Qt::LeftButton);
        source->push(QList<float>(48000, 0.25f));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("stopButton")), Qt::LeftButton);
        QCOMPARE(dialog->recordedSeconds(), 1.0);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("retakeButton")), Qt::LeftButton);
        QCOMPARE(source->starts, 2);
        QCOMPARE(dialog->recordState(), NewPromptDialog::RecordState::Recording);
        QCOMPARE(dialog->recordedSeconds(), 0.0);
        source->push(QList<float>(24000, 0.25f));
        QCOMPARE(dialog->recordedSeconds(), 0.5);
    }

    void withoutInputDeviceRecordingIsDisabled()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        page(w)->setSourceFactory([](QObject *) { return QList<PcmSource *>{}; });
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog);
        chooseRecording(dialog);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("recordButton"))->isEnabled());
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("noInputNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("No audio input device")));
        // Save explains what is missing instead of storing an empty prompt.
        fillNameAndDescription(dialog, QStringLiteral("Muette"));
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QVERIFY(!dialog->errorText().isEmpty());
        QVERIFY(!m_store->prompts.findByName(QStringLiteral("Muette")));
        QPointer<NewPromptDialog> closed = dialog;
        dialog->close();
        QTRY_VERIFY(!closed);

        // The system's own inputs: on a machine without sound server (as this one), the same.
        page(w)->setSourceFactory([](QObject *parent) { return AudioInputSource::available(parent); });
        dialog = openDialog(w);
        QVERIFY(dialog);
        chooseRecording(dialog);
        const bool hasInputs = !QMediaDevices::audioInputs().isEmpty();
        QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("recordButton"))->isEnabled(), hasInputs);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("noInputNote"))->isVisible(), !hasInputs);
    }

    void recordByCallIsDisabledWithItsReason()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QRadioButton *>(QStringLiteral("callSource"))->isEnabled());
        // Without a server there is nobody to call: the picker is greyed and the note says why.
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("chooseCallUser"))->isEnabled());
        QVERIFY(dialog->callUser().isEmpty());
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("callNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("telephony server")));
        QVERIFY(note->text().contains(QLatin1String("Connect to a server")));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("descriptionHint"))->text().contains(QLatin1String("exact text of the prompt")));
    }

    void deleteRefusesAPromptInUseAndDeletesAnUnusedOne()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        TablePanel *panel = w.panel(MainWindow::Page::Prompts);
        const int used = rowOf(panel, QStringLiteral("Fermeture annuelle"));
        QVERIFY(used >= 0);
        panel->table()->selectRow(used);
        QTRY_VERIFY(page(w)->deleteAction()->isEnabled());
        page(w)->deleteAction()->trigger();
        QPointer<QMessageBox> refusal = w.findChild<QMessageBox *>(QStringLiteral("promptMessage"));
        QVERIFY(refusal);
        QVERIFY2(refusal->text().contains(QLatin1String("Nouvel an")), qPrintable(refusal->text()));
        QVERIFY(m_store->prompts.findByName(QStringLiteral("Fermeture annuelle")));
        refusal->close();
        QTRY_VERIFY(!refusal);

        const QString id = importThroughDialog(w, QStringLiteral("sine-1k-48k.wav"), QStringLiteral("Temporaire"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(panel->selectedId(), id);
        QTRY_COMPARE(panel->model()->totalCount(), 3);
        page(w)->deleteAction()->trigger();
        auto *confirm = w.findChild<QMessageBox *>(QStringLiteral("confirmDeletePrompt"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QLatin1String("Temporaire")));
        // "Keep" keeps it.
        QTest::mouseClick(confirm->button(QMessageBox::No), Qt::LeftButton);
        QVERIFY(m_store->prompts.get(id));
        QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("confirmDeletePrompt")));
        page(w)->deleteAction()->trigger();
        confirm = w.findChild<QMessageBox *>(QStringLiteral("confirmDeletePrompt"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
        QVERIFY(!m_store->prompts.get(id));
        QTRY_COMPARE(panel->model()->totalCount(), 2);
        QCOMPARE(rowOf(panel, QStringLiteral("Temporaire")), -1);
    }

    void conversionShowsProgressAndCancelStoresNothing()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        NewPromptDialog *dialog = openDialog(w);
        QVERIFY(dialog);
        QSignalSpy created(dialog, &NewPromptDialog::promptCreated);
        QPointer<NewPromptDialog> first = dialog;
        fillNameAndDescription(dialog, QStringLiteral("Annulee"));
        dialog->setFile(fixture(QStringLiteral("speech-22k.wav")));
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        // The conversion runs on a worker; its result comes back through the event loop, not yet run here.
        QVERIFY(dialog->isConverting());
        QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("conversionProgress"))->isVisible());
        auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelConversion"));
        QVERIFY(cancel->isVisible());
        QVERIFY(!saveButton(dialog)->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!dialog->isConverting());
        QVERIFY(!dialog->findChild<QProgressBar *>(QStringLiteral("conversionProgress"))->isVisible());
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QCOMPARE(created.count(), 0);
        QVERIFY(!m_store->prompts.findByName(QStringLiteral("Annulee")));
        QVERIFY(dialog->errorText().contains(QLatin1String("cancelled")));
        QVERIFY(saveButton(dialog)->isEnabled());

        // Saving again goes through, and a second prompt of the same name is refused before converting.
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 20000);
        QTRY_VERIFY(!first); // accepted, and deleted on close
        NewPromptDialog *again = openDialog(w);
        QVERIFY(again);
        fillNameAndDescription(again, QStringLiteral("Annulee"));
        again->setFile(fixture(QStringLiteral("speech-22k.wav")));
        QTest::mouseClick(saveButton(again), Qt::LeftButton);
        QVERIFY(!again->isConverting());
        QVERIFY(again->errorText().contains(QLatin1String("already exists")));
    }

    void playbackWithoutOutputDeviceSaysSo()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Prompts);
        const QString id = importThroughDialog(w, QStringLiteral("sine-1k-48k.wav"), QStringLiteral("Tonalite"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(w.panel(MainWindow::Page::Prompts)->selectedId(), id);
        PromptDetail *detail = page(w)->detail();
        QVERIFY(detail->hasAudio());
        const bool hasOutput = !QMediaDevices::defaultAudioOutput().isNull();
        QCOMPARE(detail->canPlay(), hasOutput);
        QCOMPARE(page(w)->playAction()->isEnabled(), hasOutput);
        QCOMPARE(detail->findChild<QPushButton *>(QStringLiteral("playButton"))->isEnabled(), hasOutput);
        auto *note = detail->findChild<QLabel *>(QStringLiteral("playbackNote"));
        QCOMPARE(note->isVisible(), !hasOutput);
        if (!hasOutput)
            QVERIFY(note->text().contains(QLatin1String("No audio output device")));
        // Where it is used, and its levels, are shown.
        QVERIFY(detail->findChild<QLabel *>(QStringLiteral("promptUsage"))->text().contains(QLatin1String("Not used")));
        QVERIFY(detail->findChild<QLabel *>(QStringLiteral("promptFacts"))->text().contains(QLatin1String("sine-1k-48k.wav")));
    }

    void shortcutsWorkOnlyOnThePromptsPage()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
        QCoreApplication::processEvents();
        QVERIFY(!w.findChild<NewPromptDialog *>());
        w.showPage(MainWindow::Page::Prompts);
        QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(w.findChild<NewPromptDialog *>());
    }

    void waveformDrawsMinAndMaxPerColumn()
    {
        WaveformView view;
        view.resize(200, 100);
        std::vector<float> samples(8000, 0.0f);
        for (size_t i = 4000; i < samples.size(); ++i)
            samples[i] = (i % 2) ? 0.9f : -0.9f;
        view.setSamples(samples, 8000);
        QVERIFY(view.hasData());
        const QImage image = view.grab().toImage();
        const QColor line = view.palette().highlight().color();
        auto painted = [&](int x, int y) { return image.pixelColor(x, y) == line; };
        // The loud second half reaches near the top and the bottom; the silent half stays on the middle line.
        QVERIFY(painted(150, 10));
        QVERIFY(painted(150, 90));
        QVERIFY(!painted(50, 10));
        QVERIFY(!painted(50, 90));
    }
};

QTEST_MAIN(TestPromptsPanel)
#include "tst_prompts_panel.moc"
