// Function numbers › Calendars, files and holidays: importing an .ics file through the preview
// dialog (one undoable command), a broken file refused with its line, exporting and re-importing,
// and the Belgian holidays added at the top of a calendar.
#include "calendar/IcsCalendar.h"
#include "calendar/ScheduleEngine.h"
#include "calendars/CalendarEditor.h"
#include "calendars/HolidaysDialog.h"
#include "calendars/ImportIcsDialog.h"
#include "calendars/ScheduleEventsModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "prompts/PromptFileDialog.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace centrale;

class TestCalendarImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    QDateTime m_now;
    int m_storeCount = 0;

    Clock clock()
    {
        return [this] { return m_now; };
    }

    static QString fixture(const char *name) { return QStringLiteral(CENTRALE_TEST_DATA "/ics/") + QLatin1String(name); }

    QString functionId(const QString &name)
    {
        const auto all = m_store->functions.list();
        for (const FunctionNumber &f : *all) {
            if (f.name == name)
                return f.id;
        }
        return {};
    }

    QList<ScheduleEvent> events(const QString &function) { return *m_store->functions.events(function); }

    QStringList ids(const QString &function)
    {
        QStringList out;
        for (const ScheduleEvent &e : events(function))
            out << e.id;
        return out;
    }

    int outboxCount() { return *m_store->outbox.count(); }

    template <typename Dialog> Dialog *openDialog(QWidget *parent)
    {
        Dialog *found = nullptr;
        for (Dialog *d : parent->findChildren<Dialog *>()) {
            if (d->isVisible())
                found = d;
        }
        return found;
    }

    static void clickOk(QDialog *dialog)
    {
        QPushButton *accept = nullptr;
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        for (QAbstractButton *b : buttons->buttons()) {
            if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
                accept = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(accept && accept->isEnabled());
        QTest::mouseClick(accept, Qt::LeftButton);
    }

    static void chooseData(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo%1.sqlite").arg(++m_storeCount))));
        QVERIFY(DemoGenerator::generate(m_store->database(), {}));
        m_store->refreshOrganisation();
        m_now = QDateTime(QDate(2026, 11, 25), QTime(10, 0), ScheduleEngine::defaultTimeZone());
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void cleanup() { m_store.reset(); }

    void importGoogleThroughTheDialog()
    {
        const QString support = functionId(QStringLiteral("Support"));
        const QStringList before = ids(support);
        QVERIFY(!before.isEmpty());
        const auto prompts = m_store->prompts.list();
        QVERIFY(prompts && !prompts->isEmpty());
        const VoicePrompt prompt = prompts->last();
        const int pending = outboxCount();

        CalendarEditor editor(*m_store, clock());
        QAbstractItemModelTester tester(editor.eventsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor.show();
        editor.setFunction(support);
        PromptFileDialog::setNextFileName(fixture("google.ics"));
        editor.findChild<QAction *>(QStringLiteral("importIcs"))->trigger();
        auto *dialog = openDialog<ImportIcsDialog>(&editor);
        QVERIFY(dialog);

        // The preview: four events, their titles, nothing skipped.
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("importEvents"));
        QCOMPARE(list->count(), 4);
        QStringList shown;
        for (int i = 0; i < list->count(); ++i)
            shown << list->item(i)->data(Qt::UserRole).toString();
        QVERIFY(shown.contains(QStringLiteral("Heures d'ouverture")));
        QVERIFY(shown.contains(QStringLiteral("Fête du Travail")));
        // Each with when it happens.
        QCOMPARE(list->item(static_cast<int>(shown.indexOf(QStringLiteral("Heures d'ouverture"))))->text(),
            QStringLiteral("Heures d'ouverture: Every weekday from 08:30 to 12:30, except on 29/03/2027 and 02/04/2027"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("importSummary"))->text().startsWith(QLatin1String("4 events")));
        QVERIFY(dialog->findChild<QListWidget *>(QStringLiteral("importSkipped"))->isHidden());

        // Closed by default; no "as in the file" since the file carries no state.
        auto *state = dialog->findChild<QComboBox *>(QStringLiteral("importState"));
        QCOMPARE(state->currentData().toInt(), static_cast<int>(OpenState::Closed));
        QCOMPARE(state->count(), 2);
        chooseData(state, static_cast<int>(OpenState::Open));
        auto *promptBox = dialog->findChild<QComboBox *>(QStringLiteral("importPrompt"));
        QCOMPARE(promptBox->currentText(), QStringLiteral("None"));
        chooseData(promptBox, prompt.id);
        QCOMPARE(events(support).size(), before.size()); // nothing written before OK
        clickOk(dialog);

        QTRY_COMPARE(events(support).size(), before.size() + 4);
        QCOMPARE(editor.eventsModel()->rowCount(), before.size() + 4);
        const QList<ScheduleEvent> after = events(support);
        QCOMPARE(ids(support).mid(0, before.size()), before); // after the calendar's own events
        for (const ScheduleEvent &e : after.mid(before.size())) {
            QCOMPARE(e.state, OpenState::Open);
            QCOMPARE(e.promptId, prompt.id);
        }
        QCOMPARE(outboxCount(), pending + 4);
        const QStringList imported = ids(support);

        // One command: undo removes all four, redo restores the same records.
        QCOMPARE(editor.undoStack()->count(), 1);
        editor.undoStack()->undo();
        QCOMPARE(ids(support), before);
        QCOMPARE(editor.eventsModel()->rowCount(), before.size());
        editor.undoStack()->redo();
        QCOMPARE(ids(support), imported);
        QCOMPARE(events(support).last().state, OpenState::Open);
    }

    void brokenFileShowsItsLineAndChangesNothing()
    {
        const QString support = functionId(QStringLiteral("Support"));
        const QStringList before = ids(support);
        const int pending = outboxCount();
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(support);
        PromptFileDialog::setNextFileName(fixture("bad-rrule.ics"));
        editor.findChild<QAction *>(QStringLiteral("importIcs"))->trigger();
        auto *message = editor.findChild<QLabel *>(QStringLiteral("calendarMessage"));
        QTRY_VERIFY(!message->isHidden());
        QVERIFY2(message->text().contains(QLatin1String("line 16")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QLatin1String("bad-rrule.ics")));
        QVERIFY(!openDialog<ImportIcsDialog>(&editor));
        QCOMPARE(ids(support), before);
        QCOMPARE(outboxCount(), pending);
        QCOMPARE(editor.undoStack()->count(), 0);

        // Cancelling the file dialog does nothing either.
        PromptFileDialog::setNextFileName(QString());
        editor.findChild<QAction *>(QStringLiteral("importIcs"))->trigger();
        QVERIFY(!openDialog<ImportIcsDialog>(&editor));
        QCOMPARE(ids(support), before);
    }

    void refusedImportChangesNothing()
    {
        const QString support = functionId(QStringLiteral("Support"));
        const QStringList before = ids(support);
        // A prompt no event plays yet, so that it can be deleted.
        VoicePrompt spare;
        spare.name = QStringLiteral("Fermeture exceptionnelle");
        const auto created = m_store->prompts.create(spare);
        QVERIFY(created);
        const VoicePrompt prompt = *created;
        QVERIFY(!prompt.id.isEmpty());
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(support);
        PromptFileDialog::setNextFileName(fixture("google.ics"));
        editor.findChild<QAction *>(QStringLiteral("importIcs"))->trigger();
        auto *dialog = openDialog<ImportIcsDialog>(&editor);
        QVERIFY(dialog);
        chooseData(dialog->findChild<QComboBox *>(QStringLiteral("importPrompt")), prompt.id);
        // The chosen prompt is deleted (elsewhere) before OK: the store refuses the events.
        const Status removed = m_store->prompts.remove(prompt.id);
        QVERIFY2(removed, qPrintable(removed ? QString() : removed.error().message));
        const int pending = outboxCount();
        clickOk(dialog);
        auto *message = editor.findChild<QLabel *>(QStringLiteral("calendarMessage"));
        QTRY_VERIFY(!message->isHidden());
        QVERIFY2(message->text().contains(QLatin1String("none was")), qPrintable(message->text()));
        QCOMPARE(ids(support), before);
        QCOMPARE(outboxCount(), pending);
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    void exportThenReimportGivesTheSameEvents()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        const QList<ScheduleEvent> original = events(accueil);
        QVERIFY(original.size() >= 2);
        // Open by default, so that restoring the file into an empty calendar shows it.
        FunctionNumber function = *m_store->functions.get(accueil);
        function.defaultState = OpenState::Open;
        QVERIFY(m_store->functions.update(function));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        const QString path = m_dir.filePath(QStringLiteral("accueil.ics"));
        PromptFileDialog::setNextFileName(path);
        editor.findChild<QAction *>(QStringLiteral("exportIcs"))->trigger();
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("calendarMessage"))->isHidden());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("BEGIN:VCALENDAR"));

        FunctionNumber copy;
        copy.name = QStringLiteral("Copie");
        copy.number = QStringLiteral("+3223000098");
        auto created = m_store->functions.create(copy);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        IcsCalendar ics(*m_store);
        auto back = ics.importInto(bytes, created->id);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        const QList<ScheduleEvent> restored = events(created->id);
        QCOMPARE(restored.size(), original.size());
        for (int i = 0; i < original.size(); ++i) {
            QCOMPARE(restored.at(i).title, original.at(i).title);
            QCOMPARE(restored.at(i).state, original.at(i).state);
            QCOMPARE(restored.at(i).promptId, original.at(i).promptId);
            QCOMPARE(restored.at(i).allDay, original.at(i).allDay);
            QCOMPARE(restored.at(i).start.date(), original.at(i).start.date());
            QCOMPARE(restored.at(i).start.time(), original.at(i).start.time());
            QCOMPARE(restored.at(i).end.time(), original.at(i).end.time());
            QCOMPARE(restored.at(i).rrule.split(u';').size(), original.at(i).rrule.split(u';').size());
        }

        QCOMPARE(m_store->functions.get(created->id)->defaultState, OpenState::Open);

        // Through the panel into another empty calendar: the file carries the states, so the
        // dialog offers to keep them, and the file's default state is applied with the events.
        FunctionNumber other;
        other.name = QStringLiteral("Copie 2");
        other.number = QStringLiteral("+3223000097");
        auto empty = m_store->functions.create(other);
        QVERIFY(empty);
        QCOMPARE(empty->defaultState, OpenState::Closed);
        editor.setFunction(empty->id);
        PromptFileDialog::setNextFileName(path);
        editor.findChild<QAction *>(QStringLiteral("importIcs"))->trigger();
        auto *dialog = openDialog<ImportIcsDialog>(&editor);
        QVERIFY(dialog);
        auto *state = dialog->findChild<QComboBox *>(QStringLiteral("importState"));
        QCOMPARE(state->count(), 3);
        QCOMPARE(state->currentData().toInt(), static_cast<int>(OpenState::Closed));
        state->setCurrentIndex(2); // as in the file
        QVERIFY(!dialog->options().state.has_value());
        QCOMPARE(dialog->defaultStateToApply(), std::optional<OpenState>(OpenState::Open));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("importNotes"))->isHidden());
        clickOk(dialog);
        QTRY_COMPARE(events(empty->id).size(), original.size());
        for (int i = 0; i < original.size(); ++i) {
            QCOMPARE(events(empty->id).at(i).title, original.at(i).title);
            QCOMPARE(events(empty->id).at(i).state, original.at(i).state);
        }
        QCOMPARE(m_store->functions.get(empty->id)->defaultState, OpenState::Open);
        QCOMPARE(editor.findChild<QComboBox *>(QStringLiteral("defaultState"))->currentData().toInt(), static_cast<int>(OpenState::Open));
        editor.undoStack()->undo();
        QVERIFY(events(empty->id).isEmpty());
        QCOMPARE(m_store->functions.get(empty->id)->defaultState, OpenState::Closed);
        editor.undoStack()->redo();
        QCOMPARE(events(empty->id).size(), original.size());
        QCOMPARE(m_store->functions.get(empty->id)->defaultState, OpenState::Open);
        QCOMPARE(events(accueil).size(), original.size());
    }

    void belgianHolidaysAtTheTop_data()
    {
        QTest::addColumn<bool>("communities");
        QTest::addColumn<int>("count");
        QTest::newRow("national") << false << 10;
        QTest::newRow("with communities") << true << 13;
    }

    void belgianHolidaysAtTheTop()
    {
        QFETCH(bool, communities);
        QFETCH(int, count);
        const QString accueil = functionId(QStringLiteral("Accueil"));
        const QStringList before = ids(accueil);
        const int pending = outboxCount();
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        // National day, a Wednesday morning: the weekday opening hours apply.
        editor.setPreviewTime(QDateTime(QDate(2027, 7, 21), QTime(10, 0)));
        QCOMPARE(editor.previewDecision()->state, OpenState::Open);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Open"));

        editor.findChild<QAction *>(QStringLiteral("belgianHolidays"))->trigger();
        auto *dialog = openDialog<HolidaysDialog>(&editor);
        QVERIFY(dialog);
        auto *from = dialog->findChild<QSpinBox *>(QStringLiteral("fromYear"));
        auto *to = dialog->findChild<QSpinBox *>(QStringLiteral("toYear"));
        QCOMPARE(from->value(), 2026); // this year and next by default
        QCOMPARE(to->value(), 2027);
        from->setValue(2027);
        to->setValue(2027);
        dialog->findChild<QCheckBox *>(QStringLiteral("communityHolidays"))->setChecked(communities);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("holidaysSummary"))->text().startsWith(QString::number(count) + u' '));
        clickOk(dialog);

        QTRY_COMPARE(events(accueil).size(), before.size() + count);
        const QList<ScheduleEvent> after = events(accueil);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(after.at(i).state, OpenState::Closed);
            QVERIFY(after.at(i).allDay);
            QCOMPARE(after.at(i).start.date().year(), 2027);
        }
        QCOMPARE(ids(accueil).mid(count), before); // the calendar's own events come after
        QCOMPARE(after.at(0).start.date(), QDate(2027, 1, 1));
        QVERIFY(outboxCount() >= pending + count); // and the shifted events' new priorities
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Closed"));

        QCOMPARE(editor.undoStack()->count(), 1);
        editor.undoStack()->undo();
        QCOMPARE(ids(accueil), before);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Open"));
        editor.undoStack()->redo();
        QCOMPARE(events(accueil).size(), before.size() + count);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Closed"));
    }

    void actionsOnThePanelToolBar()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Calendars);
        auto *editor = w.findChild<CalendarEditor *>();
        QVERIFY(editor);
        QToolBar *bar = w.panel(MainWindow::Page::Calendars)->toolBar();
        // One button on the tool bar, opening a menu with the three actions.
        auto *files = editor->findChild<QAction *>(QStringLiteral("calendarFilesMenu"));
        QVERIFY(files);
        QVERIFY(bar->actions().contains(files));
        QVERIFY(files->isEnabled()); // a function number is selected
        QVERIFY(editor->eventsView()->actions().contains(files)); // and in the events' context menu
        const QStringList names = {QStringLiteral("importIcs"), QStringLiteral("exportIcs"), QStringLiteral("belgianHolidays")};
        for (const QString &name : names) {
            auto *action = editor->findChild<QAction *>(name);
            QVERIFY(action);
            QVERIFY(!bar->actions().contains(action));
            QVERIFY(files->menu()->actions().contains(action));
            QVERIFY(action->isEnabled());
        }
        auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(files));
        QVERIFY(button);
        QCOMPARE(button->popupMode(), QToolButton::InstantPopup);
        QCOMPARE(button->accessibleName(), QStringLiteral("Calendar files and holidays"));
        QCOMPARE(button->text(), QStringLiteral("Calendar"));
        // The whole tool bar fits: no extension button hides an action.
        QVERIFY(!bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))->isVisible());

        QVERIFY(m_translations.install(QStringLiteral("fr")));
        QTRY_COMPARE(editor->findChild<QAction *>(QStringLiteral("importIcs"))->text(), QStringLiteral("Importer un fichier .ics…"));
        QCOMPARE(editor->findChild<QAction *>(QStringLiteral("exportIcs"))->text(), QStringLiteral("Exporter en .ics…"));
        QCOMPARE(editor->findChild<QAction *>(QStringLiteral("belgianHolidays"))->text(), QStringLiteral("Jours fériés belges…"));
        QCOMPARE(button->accessibleName(), QStringLiteral("Fichiers de calendrier et jours fériés"));
        QVERIFY(m_translations.install(QStringLiteral("nl")));
        QTRY_COMPARE(editor->findChild<QAction *>(QStringLiteral("exportIcs"))->text(), QStringLiteral("Exporteren naar .ics…"));
        QCOMPARE(editor->findChild<QAction *>(QStringLiteral("importIcs"))->text(), QStringLiteral("Importeren uit .ics…"));
        QCOMPARE(editor->findChild<QAction *>(QStringLiteral("belgianHolidays"))->text(), QStringLiteral("Belgische feestdagen…"));
    }
};

QTEST_MAIN(TestCalendarImport)
#include "tst_calendar_import.moc"
