// Function numbers › Calendars on the demo organisation: the schedule editor's models, drag and
// drop priorities, the event editor, the week timeline and preview, undo/redo against the store,
// the default state, copying a calendar, and the current state following an injected clock.
#include "calendar/ScheduleEngine.h"
#include "calendars/CalendarEditor.h"
#include "calendars/CopyCalendarDialog.h"
#include "calendars/EventEditorDialog.h"
#include "calendars/FunctionsModel.h"
#include "calendars/Recurrence.h"
#include "calendars/ScheduleEventsModel.h"
#include "calendars/WeekTimeline.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>

#include <memory>

using namespace centrale;

class TestCalendarsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    QDateTime m_now; // the injected clock
    QDate m_monday; // an ordinary Monday of this year (the demo's events are this year's)
    int m_storeCount = 0;

    Clock clock()
    {
        return [this] { return m_now; };
    }

    QDateTime brussels(const QDate &date, const QTime &time) const { return QDateTime(date, time, ScheduleEngine::defaultTimeZone()); }

    QString functionId(const QString &name)
    {
        const auto all = m_store->functions.list();
        for (const FunctionNumber &f : *all) {
            if (f.name == name)
                return f.id;
        }
        return {};
    }

    QStringList titles(const QString &function)
    {
        QStringList out;
        const auto events = m_store->functions.events(function);
        for (const ScheduleEvent &e : *events)
            out << e.title;
        return out;
    }

    // Weekday mornings 09:00–10:00, closed: a team meeting, appended last (lowest priority).
    ScheduleEvent addMeeting(const QString &function)
    {
        ScheduleEvent e;
        e.functionId = function;
        e.position = -1;
        e.title = QStringLiteral("Réunion d'équipe");
        e.state = OpenState::Closed;
        e.start = QDateTime(m_monday, QTime(9, 0));
        e.end = QDateTime(m_monday, QTime(10, 0));
        e.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        auto added = m_store->functions.addEvent(e);
        return added ? *added : ScheduleEvent {};
    }

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
        // The dialog's accepting button, standard (OK) or its own.
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QAbstractButton *accept = buttons->button(QDialogButtonBox::Ok);
        for (QAbstractButton *b : buttons->buttons()) {
            if (!accept && buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
                accept = b;
        }
        QVERIFY(accept);
        QTest::mouseClick(accept, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
        m_monday = QDate(QDate::currentDate().year(), 5, 4);
        while (m_monday.dayOfWeek() != Qt::Monday)
            m_monday = m_monday.addDays(1);
    }

    // A fresh demo store for every test: each one edits it.
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo%1.sqlite").arg(++m_storeCount))));
        QVERIFY(DemoGenerator::generate(m_store->database(), {}));
        m_store->refreshOrganisation();
        m_now = brussels(m_monday, QTime(8, 29));
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void cleanup() { m_store.reset(); }

    void modelsPassTheTester()
    {
        ScheduleEventsModel events(*m_store);
        QAbstractItemModelTester eventsTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        events.setFunction(functionId(QStringLiteral("Accueil")));
        QCOMPARE(events.rowCount(), 2);
        events.setShadowed({events.events().first().id});
        events.reload();
        events.setFunction({});
        QCOMPARE(events.rowCount(), 0);

        FunctionsModel functions(*m_store);
        QAbstractItemModelTester functionsTester(&functions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        functionsTester.setUseFetchMore(false);
        functions.setClock(clock());
        functions.reload();
        QCOMPARE(functions.rowCount(), 2);
        m_now = m_now.addSecs(120);
        functions.refreshStates();
        functions.retranslate();
    }

    void dragAndDropChangesThePreview()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        const ScheduleEvent meeting = addMeeting(accueil);
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        ScheduleEventsModel *model = editor.eventsModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);

        // Monday 09:30: the opening hours (above the meeting) decide.
        editor.setPreviewTime(QDateTime(m_monday, QTime(9, 30)));
        QCOMPARE(editor.previewDecision()->state, OpenState::Open);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Open"));

        // Drag the meeting (last row) above everything, as the view does on a drop.
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(2, ScheduleEventsModel::Title)}));
        QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
        QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(editor.findChild<QLabel *>(QStringLiteral("calendarMessage"))->text(), QString());
        QCOMPARE(titles(accueil).first(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(model->index(0, ScheduleEventsModel::Title).data().toString(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        QCOMPARE(editor.previewDecision()->eventId, meeting.id);
        QCOMPARE(editor.previewStateText(), QStringLiteral("Closed"));
        QCOMPARE(editor.findChild<QLabel *>(QStringLiteral("previewEvent"))->text(), QStringLiteral("1. Réunion d'équipe"));
        QCOMPARE(editor.selectedEventId(), meeting.id);

        // Dropping it onto the last row puts it back last.
        data.reset(model->mimeData({model->index(0, 0)}));
        QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, model->index(2, 0)));
        QCOMPARE(titles(accueil).last(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(editor.previewDecision()->state, OpenState::Open);

        // moveRows (as an item view's internal move does) and the keyboard actions.
        QVERIFY(model->moveRows({}, 2, 1, {}, 1));
        QCOMPARE(titles(accueil).at(1), QStringLiteral("Réunion d'équipe"));
        editor.selectEvent(meeting.id);
        auto *up = editor.findChild<QAction *>(QStringLiteral("moveEventUp"));
        QCOMPARE(up->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Up));
        QVERIFY(up->isEnabled());
        up->trigger();
        QCOMPARE(titles(accueil).first(), QStringLiteral("Réunion d'équipe"));
        QVERIFY(!up->isEnabled()); // first already
        editor.findChild<QAction *>(QStringLiteral("moveEventDown"))->trigger();
        QCOMPARE(titles(accueil).at(1), QStringLiteral("Réunion d'équipe"));

        // A drag from another function number's list is refused.
        QMimeData foreign;
        foreign.setData(ScheduleEventsModel::mimeType(), QByteArray("other/") + meeting.id.toUtf8());
        QVERIFY(!model->canDropMimeData(&foreign, Qt::MoveAction, 0, 0, {}));

        // Every move is one undo step, and lands in the outbox.
        QCOMPARE(editor.undoStack()->count(), 5);
        editor.undoStack()->undo(); // Move down
        QCOMPARE(titles(accueil).first(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        editor.undoStack()->undo(); // Move up
        QCOMPARE(titles(accueil).at(1), QStringLiteral("Réunion d'équipe"));
        editor.undoStack()->undo(); // moveRows
        editor.undoStack()->undo(); // drop onto the last row
        QCOMPARE(titles(accueil).first(), QStringLiteral("Réunion d'équipe"));
        editor.undoStack()->undo(); // the first drop
        QCOMPARE(titles(accueil).last(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(editor.previewDecision()->state, OpenState::Open);
        editor.undoStack()->redo();
        QCOMPARE(titles(accueil).first(), QStringLiteral("Réunion d'équipe"));
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        QVERIFY(*m_store->outbox.count() > 0);
    }

    void editingAnEventUpdatesTheTimeline()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        WeekTimeline *timeline = editor.timeline();
        QCOMPARE(timeline->weekStart(), m_monday);
        const QString hoursId = editor.eventsModel()->events().at(1).id;
        const QDate tuesday = m_monday.addDays(1);
        auto openTuesday = [&] {
            for (const ScheduleEngine::Interval &i : timeline->intervals()) {
                if (i.decision.state == OpenState::Open && i.start.date() == tuesday)
                    return std::pair {i.start.time(), i.end.time()};
            }
            return std::pair {QTime(), QTime()};
        };
        QCOMPARE(openTuesday(), (std::pair {QTime(8, 30), QTime(12, 30)}));
        QVERIFY(timeline->describe(brussels(tuesday, QTime(10, 0))).contains(QLatin1String("Heures d'ouverture")));

        // Enter on an event opens the editor; so does a double click.
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTableView *view = editor.eventsView();
        editor.selectEvent(editor.eventsModel()->events().at(0).id);
        QTest::keyClick(view, Qt::Key_Return);
        auto *dialog = openDialog<EventEditorDialog>(&editor);
        QVERIFY(dialog);
        QCOMPARE(dialog->event().id, editor.eventsModel()->events().at(0).id);
        dialog->reject();
        QTRY_VERIFY(!openDialog<EventEditorDialog>(&editor));
        const QRect hoursRow = view->visualRect(editor.eventsModel()->index(1, ScheduleEventsModel::Title));
        // A real double click: press, release, then the double-click press and its release.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, hoursRow.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, hoursRow.center());
        dialog = openDialog<EventEditorDialog>(&editor);
        QVERIFY(dialog);
        QCOMPARE(dialog->event().id, hoursId);
        QCOMPARE(dialog->summary(), QStringLiteral("Every weekday from 08:30 to 12:30"));
        auto *end = dialog->findChild<QDateTimeEdit *>(QStringLiteral("end"));
        end->setTime(QTime(17, 0));
        QCOMPARE(dialog->summary(), QStringLiteral("Every weekday from 08:30 to 17:00"));

        // An invalid event keeps the dialog open with the validator's message.
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("title"));
        title->clear();
        clickOk(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->errorText().isEmpty());
        QCOMPARE(openTuesday(), (std::pair {QTime(8, 30), QTime(12, 30)}));

        QTest::keyClicks(title, QStringLiteral("Horaire continu"));
        clickOk(dialog);
        QTRY_VERIFY(!openDialog<EventEditorDialog>(&editor));
        QCOMPARE(openTuesday(), (std::pair {QTime(8, 30), QTime(17, 0)}));
        QVERIFY(timeline->describe(brussels(tuesday, QTime(16, 0))).contains(QLatin1String("Horaire continu")));
        auto stored = m_store->functions.getEvent(hoursId);
        QCOMPARE(stored->end.time(), QTime(17, 0));
        QCOMPARE(stored->rrule, QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));

        // Next week, then undo.
        editor.findChild<QToolButton *>(QStringLiteral("nextWeek"))->click();
        QCOMPARE(timeline->weekStart(), m_monday.addDays(7));
        QCOMPARE(timeline->intervals().first().start, brussels(m_monday.addDays(7), QTime(0, 0)));
        editor.undoStack()->undo();
        QCOMPARE(m_store->functions.getEvent(hoursId)->end.time(), QTime(12, 30));
        editor.findChild<QToolButton *>(QStringLiteral("previousWeek"))->click();
        QCOMPARE(openTuesday(), (std::pair {QTime(8, 30), QTime(12, 30)}));
    }

    void editorBuildsRecurrenceRules()
    {
        EventEditorDialog dialog({});
        ScheduleEvent e;
        e.functionId = QStringLiteral("f");
        e.title = QStringLiteral("Soirées");
        e.start = QDateTime(m_monday, QTime(22, 0));
        e.end = QDateTime(m_monday.addDays(1), QTime(6, 0));
        dialog.setEvent(e);
        auto *repeat = dialog.findChild<QComboBox *>(QStringLiteral("repeat"));
        repeat->setCurrentIndex(repeat->findData(static_cast<int>(Recurrence::Frequency::Weekly)));
        dialog.findChild<QCheckBox *>(QStringLiteral("weekday1"))->setChecked(false);
        dialog.findChild<QCheckBox *>(QStringLiteral("weekday3"))->setChecked(true);
        dialog.findChild<QCheckBox *>(QStringLiteral("weekday5"))->setChecked(true);
        auto *repeatEnd = dialog.findChild<QComboBox *>(QStringLiteral("repeatEnd"));
        repeatEnd->setCurrentIndex(2);
        dialog.findChild<QSpinBox *>(QStringLiteral("count"))->setValue(6);
        dialog.findChild<QDateEdit *>(QStringLiteral("exceptionDate"))->setDate(m_monday.addDays(2));
        dialog.findChild<QPushButton *>(QStringLiteral("addException"))->click();
        const ScheduleEvent built = dialog.event();
        QCOMPARE(built.rrule, QStringLiteral("FREQ=WEEKLY;BYDAY=WE,FR;COUNT=6"));
        QCOMPARE(built.exceptions, (QList<QDateTime> {QDateTime(m_monday.addDays(2), QTime(22, 0))}));
        QVERIFY(
            dialog.summary().startsWith(QLatin1String("Every Wednesday and Friday from 22:00 to 06:00 the next day, 6 times, except on")));

        repeat->setCurrentIndex(repeat->findData(static_cast<int>(Recurrence::Frequency::Yearly)));
        repeatEnd->setCurrentIndex(1);
        dialog.findChild<QDateEdit *>(QStringLiteral("until"))->setDate(QDate(2030, 12, 31));
        QCOMPARE(dialog.event().rrule,
            QStringLiteral("FREQ=YEARLY;BYMONTH=%1;BYMONTHDAY=%2;UNTIL=20301231T235959").arg(m_monday.month()).arg(m_monday.day()));

        // Rules the editor cannot show are kept as they are.
        e.rrule = QStringLiteral("FREQ=MONTHLY;BYDAY=1MO");
        dialog.setEvent(e);
        QCOMPARE(repeat->currentData().toInt(), static_cast<int>(Recurrence::Frequency::Custom));
        QCOMPARE(dialog.event().rrule, e.rrule);
        QCOMPARE(Recurrence::fromRule(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")).toRule(m_monday),
            QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    }

    void undoRedoRestoreTheStore()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        const QStringList original = titles(accueil);

        // Add through the dialog: below the selected event.
        editor.selectEvent(editor.eventsModel()->events().first().id);
        editor.findChild<QAction *>(QStringLiteral("addEvent"))->trigger();
        auto *dialog = openDialog<EventEditorDialog>(&editor);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("title")), QStringLiteral("Formation"));
        clickOk(dialog);
        QTRY_COMPARE(titles(accueil), (QStringList {original.at(0), QStringLiteral("Formation"), original.at(1)}));
        const QStringList added = titles(accueil);

        // Duplicate, then delete with confirmation.
        editor.findChild<QAction *>(QStringLiteral("duplicateEvent"))->trigger();
        QCOMPARE(titles(accueil), (QStringList {original.at(0), QStringLiteral("Formation"), QStringLiteral("Formation"), original.at(1)}));
        const QStringList duplicated = titles(accueil);
        editor.selectEvent(editor.eventsModel()->events().last().id);
        editor.findChild<QAction *>(QStringLiteral("deleteEvent"))->trigger();
        auto *box = openDialog<QMessageBox>(&editor);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(titles(accueil).size(), 3);
        QVERIFY(!titles(accueil).contains(original.at(1)));

        // Saying no deletes nothing.
        editor.findChild<QAction *>(QStringLiteral("deleteEvent"))->trigger();
        box = openDialog<QMessageBox>(&editor);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<QMessageBox>(&editor));
        QCOMPARE(titles(accueil).size(), 3);

        QUndoStack *stack = editor.undoStack();
        QCOMPARE(stack->count(), 3);
        stack->undo();
        QCOMPARE(titles(accueil), duplicated);
        QCOMPARE(editor.eventsModel()->rowCount(), 4);
        stack->undo();
        QCOMPARE(titles(accueil), added);
        stack->undo();
        QCOMPARE(titles(accueil), original);
        QCOMPARE(editor.eventsModel()->rowCount(), 2);
        stack->redo();
        stack->redo();
        stack->redo();
        QCOMPARE(titles(accueil), (QStringList {original.at(0), QStringLiteral("Formation"), QStringLiteral("Formation")}));
        // Redo re-creates the same records.
        stack->undo();
        const QString restoredId = m_store->functions.events(accueil)->last().id;
        stack->redo();
        stack->undo();
        QCOMPARE(m_store->functions.events(accueil)->last().id, restoredId);
    }

    void defaultStateSwitch()
    {
        const QString support = functionId(QStringLiteral("Support"));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(support);
        const QDateTime sunday(m_monday.addDays(-1), QTime(3, 0));
        editor.setPreviewTime(sunday);
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        QVERIFY(editor.previewDecision()->eventId.isEmpty());

        auto *combo = editor.findChild<QComboBox *>(QStringLiteral("defaultState"));
        QCOMPARE(combo->currentData().toInt(), static_cast<int>(OpenState::Closed));
        QTest::keyClick(combo, Qt::Key_Up); // user choice: Open
        QCOMPARE(m_store->functions.get(support)->defaultState, OpenState::Open);
        QCOMPARE(editor.previewDecision()->state, OpenState::Open);
        QCOMPARE(editor.timeline()->intervals().first().decision.state, OpenState::Open);

        editor.undoStack()->undo();
        QCOMPARE(m_store->functions.get(support)->defaultState, OpenState::Closed);
        QCOMPARE(combo->currentData().toInt(), static_cast<int>(OpenState::Closed));
        QCOMPARE(editor.previewDecision()->state, OpenState::Closed);
        editor.undoStack()->redo();
        QCOMPARE(m_store->functions.get(support)->defaultState, OpenState::Open);
    }

    void currentStateFollowsTheClock()
    {
        FunctionsModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setClock(clock()); // Monday 08:29: closed, opens at 08:30
        model.reload();
        int accueil = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, FunctionsModel::Name).data().toString() == QLatin1String("Accueil"))
                accueil = r;
        }
        QVERIFY(accueil >= 0);
        const QModelIndex now = model.index(accueil, FunctionsModel::CurrentState);
        QCOMPARE(now.data().toString(), QStringLiteral("Closed"));
        const QColor red = now.data(Qt::ForegroundRole).value<QBrush>().color();
        QCOMPARE(model.nextTransition(), brussels(m_monday, QTime(8, 30)));
        QTimer *timer = model.stateTimer();
        QVERIFY(timer->isActive());
        QVERIFY(timer->isSingleShot());
        QVERIFY(timer->remainingTime() <= 61 * 1000); // one minute of the injected clock

        // The transition passes: when the timer fires the state turns green, and the next
        // transition (12:30) is armed.
        m_now = brussels(m_monday, QTime(8, 30, 1));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        timer->start(0);
        QTRY_COMPARE(model.index(accueil, FunctionsModel::CurrentState).data().toString(), QStringLiteral("Open"));
        QVERIFY(changed.count() > 0);
        const QColor green = model.index(accueil, FunctionsModel::CurrentState).data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(green != red);
        QVERIFY(green.green() > green.red());
        QVERIFY(red.red() > red.green());
        QCOMPARE(model.nextTransition(), brussels(m_monday, QTime(12, 30)));
        QCOMPARE(model.index(accueil, FunctionsModel::DefaultState).data().toString(), QStringLiteral("Closed"));
    }

    void copyCalendarToAnotherNumber()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        const QString support = functionId(QStringLiteral("Support"));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        QSignalSpy changed(&editor, &CalendarEditor::scheduleChanged);
        QCOMPARE(titles(support).size(), 1);
        editor.findChild<QAction *>(QStringLiteral("copyCalendar"))->trigger();
        auto *dialog = openDialog<CopyCalendarDialog>(&editor);
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("copyButton"));
        QVERIFY(ok);
        QVERIFY(!ok->isEnabled()); // nothing chosen yet
        QCOMPARE(ok->text(), QStringLiteral("&Copy"));
        {
            // The button keeps its own words through a language switch.
            Translations french;
            QVERIFY(french.install(QStringLiteral("fr")));
            QTRY_COMPARE(ok->text(), QStringLiteral("&Copier"));
        }
        QTRY_COMPARE(ok->text(), QStringLiteral("&Copy"));
        dialog->setTargetChecked(support, true);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(titles(support).size(), 3);
        QCOMPARE(titles(support).mid(1), titles(accueil));
        QCOMPARE(titles(accueil).size(), 2);
        QVERIFY(changed.count() > 0);
        // Copies are new records with the same content.
        const ScheduleEvent copy = m_store->functions.events(support)->at(1);
        const ScheduleEvent source = m_store->functions.events(accueil)->at(0);
        QVERIFY(copy.id != source.id);
        QCOMPARE(copy.rrule, source.rrule);
        QCOMPARE(copy.promptId, source.promptId);

        editor.undoStack()->undo();
        QCOMPARE(titles(support).size(), 1);
        editor.undoStack()->redo();
        QCOMPARE(titles(support).size(), 3);
    }

    void copyFailureChangesNothing()
    {
        const QString accueil = functionId(QStringLiteral("Accueil"));
        const QString support = functionId(QStringLiteral("Support"));
        FunctionNumber sales;
        sales.name = QStringLiteral("Ventes");
        sales.number = QStringLiteral("+3223000099");
        auto created = m_store->functions.create(sales);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        CalendarEditor editor(*m_store, clock());
        editor.show();
        editor.setFunction(accueil);
        editor.findChild<QAction *>(QStringLiteral("copyCalendar"))->trigger();
        auto *dialog = openDialog<CopyCalendarDialog>(&editor);
        QVERIFY(dialog);
        dialog->setTargetChecked(support, true);
        dialog->setTargetChecked(created->id, true);
        // The second target disappears before the copy (deleted elsewhere): the first one's copies
        // are rolled back with it.
        QVERIFY(m_store->functions.remove(created->id));
        const int pending = *m_store->outbox.count();
        clickOk(dialog);
        auto *message = editor.findChild<QLabel *>(QStringLiteral("calendarMessage"));
        QTRY_VERIFY(!message->isHidden());
        QVERIFY(message->text().contains(QLatin1String("not copied")));
        QCOMPARE(titles(support).size(), 1);
        QCOMPARE(*m_store->outbox.count(), pending);
        QCOMPARE(editor.undoStack()->count(), 0);
    }

    void mainWindowShowsTheEditor()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Calendars);
        TablePanel *panel = w.panel(MainWindow::Page::Calendars);
        auto *editor = w.findChild<CalendarEditor *>();
        QVERIFY(editor);
        QVERIFY(panel->toolBar()->actions().contains(editor->findChild<QAction *>(QStringLiteral("addEvent"))));
        QCOMPARE(w.undoGroup()->activeStack(), editor->undoStack());
        const QString support = functionId(QStringLiteral("Support"));
        int row = -1;
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            if (panel->model()->idAt(r) == support)
                row = r;
        }
        panel->table()->selectRow(row);
        QTRY_COMPARE(editor->functionId(), support);
        editor->setDefaultState(OpenState::Open);
        QCOMPARE(panel->model()->index(row, FunctionsModel::DefaultState).data().toString(), QStringLiteral("Open"));
        QCOMPARE(panel->model()->index(row, FunctionsModel::CurrentState).data().toString(), QStringLiteral("Open"));
        w.undoGroup()->undo();
        QCOMPARE(m_store->functions.get(support)->defaultState, OpenState::Closed);
        QCOMPARE(panel->model()->index(row, FunctionsModel::DefaultState).data().toString(), QStringLiteral("Closed"));
        QCOMPARE(editor->functionId(), support); // no reset: the selection stays
    }

    void summariesInEnglishAndFrench_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("weekdays");
        QTest::addColumn<QString>("newYear");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Every weekday from 08:30 to 12:30")
                            << QStringLiteral("Every year on 1 January, all day");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Du lundi au vendredi de 08:30 à 12:30")
                            << QStringLiteral("Chaque année le 1 janvier, toute la journée");
        QTest::newRow("nl") << QStringLiteral("nl") << QStringLiteral("Van maandag tot vrijdag van 08:30 tot 12:30")
                            << QStringLiteral("Elk jaar op 1 januari, de hele dag");
    }

    void summariesInEnglishAndFrench()
    {
        QFETCH(QString, language);
        QFETCH(QString, weekdays);
        QFETCH(QString, newYear);
        QVERIFY(m_translations.install(language));
        const QList<ScheduleEvent> events = *m_store->functions.events(functionId(QStringLiteral("Accueil")));
        QCOMPARE(Recurrence::summary(events.at(1)), weekdays);
        QCOMPARE(Recurrence::summary(events.at(0)), newYear);
        // The events list shows the same words.
        ScheduleEventsModel model(*m_store);
        model.setFunction(functionId(QStringLiteral("Accueil")));
        QCOMPARE(model.index(1, ScheduleEventsModel::When).data().toString(), weekdays);
    }
};

QTEST_MAIN(TestCalendarsPanel)
#include "tst_calendars_panel.moc"
