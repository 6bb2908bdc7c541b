#include "calendars/CalendarEditor.h"

#include "calendars/AddEventCommand.h"
#include "calendars/AddEventsCommand.h"
#include "calendars/CopyCalendarCommand.h"
#include "calendars/CopyCalendarDialog.h"
#include "calendars/DefaultStateCommand.h"
#include "calendars/DeleteEventCommand.h"
#include "calendars/DuplicateEventCommand.h"
#include "calendars/EditEventCommand.h"
#include "calendars/EventEditorDialog.h"
#include "calendars/HolidaysDialog.h"
#include "calendars/ImportIcsDialog.h"
#include "calendars/MoveEventCommand.h"
#include "calendars/ScheduleEventsModel.h"
#include "calendars/WeekTimeline.h"
#include "calendar/BelgianHolidays.h"
#include "calendar/IcsCalendar.h"
#include "prompts/PromptFileDialog.h"
#include "store/Store.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QShowEvent>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace centrale {

namespace {
QAction *makeAction(QWidget *parent, const QString &objectName, const QKeySequence &shortcut)
{
    auto *action = new QAction(parent);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Only while the calendar has the focus: Del in the filter box must not delete an event.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}
} // namespace

CalendarEditor::CalendarEditor(Store &store, Clock clock, QWidget *parent)
    : QWidget(parent), m_store(store), m_clock(std::move(clock)), m_undo(new QUndoStack(this)),
      m_model(new ScheduleEventsModel(store, this)), m_defaultLabel(new QLabel(this)), m_defaultState(new QComboBox(this)),
      m_view(new QTableView(this)), m_message(new QLabel(this)), m_weekBox(new QGroupBox(this)), m_previousWeek(new QToolButton(this)),
      m_thisWeek(new QToolButton(this)), m_nextWeek(new QToolButton(this)), m_weekLabel(new QLabel(this)),
      m_timeline(new WeekTimeline(this)), m_legend(new QLabel(this)), m_previewBox(new QGroupBox(this)),
      m_previewAt(new QDateTimeEdit(this)), m_previewState(new QLabel(this)), m_previewPrompt(new QLabel(this)),
      m_previewEvent(new QLabel(this)), m_add(makeAction(this, QStringLiteral("addEvent"), QKeySequence(Qt::Key_Insert))),
      m_edit(makeAction(this, QStringLiteral("editEvent"), QKeySequence(Qt::Key_F2))),
      m_duplicate(makeAction(this, QStringLiteral("duplicateEvent"), QKeySequence(Qt::CTRL | Qt::Key_D))),
      m_delete(makeAction(this, QStringLiteral("deleteEvent"), QKeySequence::Delete)),
      m_moveUp(makeAction(this, QStringLiteral("moveEventUp"), QKeySequence(Qt::CTRL | Qt::Key_Up))),
      m_moveDown(makeAction(this, QStringLiteral("moveEventDown"), QKeySequence(Qt::CTRL | Qt::Key_Down))),
      m_copy(makeAction(this, QStringLiteral("copyCalendar"), {})), m_importIcs(makeAction(this, QStringLiteral("importIcs"), {})),
      m_exportIcs(makeAction(this, QStringLiteral("exportIcs"), {})), m_holidays(makeAction(this, QStringLiteral("belgianHolidays"), {})),
      m_filesMenu(new QMenu(this)), m_files(makeAction(this, QStringLiteral("calendarFilesMenu"), {}))
{
    setObjectName(QStringLiteral("calendarEditor"));
    m_undo->setObjectName(QStringLiteral("calendarUndoStack"));
    m_defaultState->setObjectName(QStringLiteral("defaultState"));
    m_defaultState->addItem(QString(), static_cast<int>(OpenState::Open));
    m_defaultState->addItem(QString(), static_cast<int>(OpenState::Closed));
    m_defaultLabel->setBuddy(m_defaultState);

    m_view->setObjectName(QStringLiteral("scheduleEventsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->addActions({m_add, m_edit, m_duplicate, m_delete, m_moveUp, m_moveDown});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_message->setObjectName(QStringLiteral("calendarMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b01c1c"));
    m_message->hide();

    m_weekBox->setObjectName(QStringLiteral("weekBox"));
    m_previousWeek->setObjectName(QStringLiteral("previousWeek"));
    m_thisWeek->setObjectName(QStringLiteral("thisWeek"));
    m_nextWeek->setObjectName(QStringLiteral("nextWeek"));
    m_previousWeek->setArrowType(Qt::LeftArrow);
    m_nextWeek->setArrowType(Qt::RightArrow);
    m_weekLabel->setObjectName(QStringLiteral("weekLabel"));
    auto *weekNav = new QHBoxLayout;
    weekNav->addWidget(m_previousWeek);
    weekNav->addWidget(m_thisWeek);
    weekNav->addWidget(m_nextWeek);
    weekNav->addWidget(m_weekLabel, 1);
    auto *weekLayout = new QVBoxLayout(m_weekBox);
    weekLayout->addLayout(weekNav);
    weekLayout->addWidget(m_timeline);
    weekLayout->addWidget(m_legend);
    m_legend->setObjectName(QStringLiteral("timelineLegend"));
    m_legend->setWordWrap(true);

    m_previewBox->setObjectName(QStringLiteral("previewBox"));
    m_previewAt->setObjectName(QStringLiteral("previewAt"));
    m_previewAt->setCalendarPopup(true);
    m_previewState->setObjectName(QStringLiteral("previewState"));
    m_previewPrompt->setObjectName(QStringLiteral("previewPrompt"));
    m_previewEvent->setObjectName(QStringLiteral("previewEvent"));
    auto *previewForm = new QFormLayout(m_previewBox);
    for (QWidget *field : std::initializer_list<QWidget *> {m_previewAt, m_previewState, m_previewPrompt, m_previewEvent}) {
        auto *label = new QLabel(m_previewBox);
        label->setBuddy(field);
        m_previewLabels << label;
        previewForm->addRow(label, field);
    }

    auto *defaultRow = new QHBoxLayout;
    defaultRow->addWidget(m_defaultLabel);
    defaultRow->addWidget(m_defaultState);
    defaultRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(defaultRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_weekBox);
    layout->addWidget(m_previewBox);

    setTabOrder(m_defaultState, m_view);
    setTabOrder(m_view, m_previousWeek);
    setTabOrder(m_previousWeek, m_thisWeek);
    setTabOrder(m_thisWeek, m_nextWeek);
    setTabOrder(m_nextWeek, m_timeline);
    setTabOrder(m_timeline, m_previewAt);

    connect(m_add, &QAction::triggered, this, &CalendarEditor::addEvent);
    connect(m_edit, &QAction::triggered, this, &CalendarEditor::editEvent);
    connect(m_duplicate, &QAction::triggered, this, &CalendarEditor::duplicateEvent);
    connect(m_delete, &QAction::triggered, this, &CalendarEditor::deleteEvent);
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelected(1); });
    connect(m_copy, &QAction::triggered, this, &CalendarEditor::copyCalendar);
    m_filesMenu->setObjectName(QStringLiteral("calendarFiles"));
    m_filesMenu->addActions({m_importIcs, m_exportIcs});
    m_filesMenu->addSeparator();
    m_filesMenu->addAction(m_holidays);
    m_files->setMenu(m_filesMenu);
    // Also in the events' context menu, which stays whole when a narrow window hides the end of
    // the panel's tool bar behind its extension button.
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addActions({separator, m_files});
    connect(m_importIcs, &QAction::triggered, this, &CalendarEditor::importIcs);
    connect(m_exportIcs, &QAction::triggered, this, &CalendarEditor::exportIcs);
    connect(m_holidays, &QAction::triggered, this, &CalendarEditor::addBelgianHolidays);
    connect(m_view, &QAbstractItemView::activated, this, &CalendarEditor::editEvent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CalendarEditor::updateActions);
    connect(m_model, &ScheduleEventsModel::moveRequested, this, &CalendarEditor::moveEvent);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTableView::resizeColumnsToContents);
    connect(m_defaultState, &QComboBox::activated, this,
        [this] { setDefaultState(static_cast<OpenState>(m_defaultState->currentData().toInt())); });
    connect(m_previousWeek, &QToolButton::clicked, this, [this] {
        m_timeline->setWeek(m_timeline->weekStart().addDays(-7));
        updateWeekLabel();
    });
    connect(m_nextWeek, &QToolButton::clicked, this, [this] {
        m_timeline->setWeek(m_timeline->weekStart().addDays(7));
        updateWeekLabel();
    });
    connect(m_thisWeek, &QToolButton::clicked, this, [this] {
        m_timeline->setWeek(m_clock().toTimeZone(ScheduleEngine::defaultTimeZone()).date());
        updateWeekLabel();
    });
    connect(m_previewAt, &QDateTimeEdit::dateTimeChanged, this, &CalendarEditor::refreshPreview);

    const QDateTime now = m_clock().toTimeZone(ScheduleEngine::defaultTimeZone());
    m_timeline->setWeek(now.date());
    m_previewAt->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
    retranslate();
    setFunction({});
}

CalendarEditor::~CalendarEditor()
{
    // The stack's commands refer to this host; drop them before the host goes.
    m_undo->clear();
}

QList<QAction *> CalendarEditor::editActions() const
{
    return {m_add, m_edit, m_duplicate, m_delete, m_moveUp, m_moveDown, m_copy, m_files};
}

void CalendarEditor::setFunction(const QString &functionId)
{
    m_functionId = functionId;
    m_message->hide();
    m_model->setFunction(functionId);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    reloadFunction();
    refreshSchedule();
}

void CalendarEditor::reloadFunction()
{
    m_function.reset();
    if (!m_functionId.isEmpty()) {
        if (auto f = m_store.functions.get(m_functionId); f)
            m_function = *f;
    }
    const QSignalBlocker blocker(m_defaultState);
    m_defaultState->setEnabled(m_function.has_value());
    if (m_function)
        m_defaultState->setCurrentIndex(m_defaultState->findData(static_cast<int>(m_function->defaultState)));
}

QString CalendarEditor::selectedEventId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ScheduleEventsModel::IdRole).toString() : QString();
}

void CalendarEditor::selectEvent(const QString &eventId)
{
    const int row = m_model->rowOf(eventId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, ScheduleEventsModel::Title));
    updateActions();
}

void CalendarEditor::refreshSchedule()
{
    m_engine.reset();
    if (m_function) {
        m_engine.emplace(m_function->defaultState, m_model->events());
        QHash<QString, QString> titles;
        for (const ScheduleEvent &e : m_model->events())
            titles.insert(e.id, e.title);
        m_timeline->setSchedule(*m_engine, titles);
        const QDateTime now = m_clock();
        m_model->setShadowed(m_engine->shadowedEvents(now, now.addYears(1)));
    } else {
        m_timeline->clearSchedule();
    }
    updateWeekLabel();
    refreshPreview();
    updateActions();
}

void CalendarEditor::setPreviewTime(const QDateTime &wallClock)
{
    m_previewAt->setDateTime(QDateTime(wallClock.date(), wallClock.time()));
}

std::optional<ScheduleEngine::Decision> CalendarEditor::previewDecision() const
{
    if (!m_engine)
        return std::nullopt;
    const QDateTime at = m_previewAt->dateTime();
    return m_engine->stateAt(QDateTime(at.date(), at.time(), m_engine->timeZone()));
}

QString CalendarEditor::previewStateText() const
{
    return m_previewState->text();
}

void CalendarEditor::refreshPreview()
{
    const auto decision = previewDecision();
    if (!decision) {
        m_previewState->clear();
        m_previewPrompt->clear();
        m_previewEvent->clear();
        return;
    }
    m_previewState->setText(openStateLabel(decision->state));
    m_previewState->setStyleSheet(decision->state == OpenState::Open ? QStringLiteral("color: #1b7f3b; font-weight: bold")
                                                                     : QStringLiteral("color: #b01c1c; font-weight: bold"));
    QString prompt = tr("None");
    if (!decision->promptId.isEmpty()) {
        if (auto p = m_store.prompts.get(decision->promptId); p)
            prompt = p->name;
    }
    m_previewPrompt->setText(prompt);
    QString event = tr("None: the default state applies");
    const int row = m_model->rowOf(decision->eventId);
    if (row >= 0)
        //: %1 is the priority (1 = first), %2 the event's title
        event = tr("%1. %2").arg(row + 1).arg(m_model->events().at(row).title);
    m_previewEvent->setText(event);
}

void CalendarEditor::updateActions()
{
    const bool hasFunction = m_function.has_value();
    const int row = m_model->rowOf(selectedEventId());
    m_add->setEnabled(hasFunction);
    m_edit->setEnabled(row >= 0);
    m_duplicate->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
    m_copy->setEnabled(hasFunction && m_model->rowCount() > 0);
    m_importIcs->setEnabled(hasFunction);
    m_exportIcs->setEnabled(hasFunction);
    m_holidays->setEnabled(hasFunction);
    m_files->setEnabled(hasFunction);
}

void CalendarEditor::updateWeekLabel()
{
    const QLocale locale;
    const QDate monday = m_timeline->weekStart();
    //: %1 and %2 are the first and last day of a week
    m_weekLabel->setText(
        tr("%1 to %2").arg(locale.toString(monday, QLocale::LongFormat), locale.toString(monday.addDays(6), QLocale::LongFormat)));
}

void CalendarEditor::addEvent()
{
    if (!m_function)
        return;
    auto prompts = m_store.prompts.list();
    auto *dialog = new EventEditorDialog(prompts ? *prompts : QList<VoicePrompt> {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    ScheduleEvent fresh;
    fresh.functionId = m_functionId;
    fresh.position = -1;
    fresh.state = OpenState::Closed;
    const QDate day = m_clock().toTimeZone(ScheduleEngine::defaultTimeZone()).date();
    fresh.start = QDateTime(day, QTime(8, 30));
    fresh.end = QDateTime(day, QTime(12, 30));
    dialog->setEvent(fresh);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ScheduleEvent event = dialog->event();
        // Just below the selected event, or last.
        const int row = m_model->rowOf(selectedEventId());
        event.position = row >= 0 ? row + 1 : -1;
        m_undo->push(new AddEventCommand(m_store, *this, event));
    });
    dialog->open();
}

void CalendarEditor::editEvent()
{
    const QString id = selectedEventId();
    if (id.isEmpty())
        return;
    auto current = m_store.functions.getEvent(id);
    if (!current) {
        calendarEditFailed(current.error().message);
        return;
    }
    auto prompts = m_store.prompts.list();
    auto *dialog = new EventEditorDialog(prompts ? *prompts : QList<VoicePrompt> {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEvent(*current);
    const ScheduleEvent before = *current;
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, before] { m_undo->push(new EditEventCommand(m_store, *this, before, dialog->event())); });
    dialog->open();
}

void CalendarEditor::duplicateEvent()
{
    const int row = m_model->rowOf(selectedEventId());
    if (row >= 0)
        m_undo->push(new DuplicateEventCommand(m_store, *this, m_model->events().at(row)));
}

void CalendarEditor::deleteEvent()
{
    const int row = m_model->rowOf(selectedEventId());
    if (row < 0)
        return;
    const ScheduleEvent event = m_model->events().at(row);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete event"), tr("Delete the event “%1” from this calendar?").arg(event.title),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, event] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            m_undo->push(new DeleteEventCommand(m_store, *this, event));
    });
    box->open();
}

void CalendarEditor::moveSelected(int delta)
{
    const QString id = selectedEventId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const int target = row + delta;
    if (target >= 0 && target < m_model->rowCount())
        moveEvent(id, target);
}

void CalendarEditor::moveEvent(const QString &eventId, int newPosition)
{
    const int row = m_model->rowOf(eventId);
    const int target = qBound(0, newPosition, m_model->rowCount() - 1);
    if (row < 0 || target == row)
        return;
    m_undo->push(new MoveEventCommand(m_store, *this, m_functionId, eventId, row, target));
}

void CalendarEditor::copyCalendar()
{
    if (!m_function)
        return;
    auto all = m_store.functions.list();
    if (!all) {
        calendarEditFailed(all.error().message);
        return;
    }
    QList<FunctionNumber> candidates;
    for (const FunctionNumber &f : *all) {
        if (f.id != m_functionId)
            candidates << f;
    }
    auto *dialog = new CopyCalendarDialog(m_function->name, candidates, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString source = m_functionId;
    const QList<ScheduleEvent> events = m_model->events();
    connect(dialog, &QDialog::accepted, this, [this, dialog, source, events] {
        if (!dialog->targetIds().isEmpty())
            m_undo->push(new CopyCalendarCommand(m_store, *this, source, events, dialog->targetIds()));
    });
    dialog->open();
}

void CalendarEditor::setDefaultState(OpenState state)
{
    if (!m_function || m_function->defaultState == state)
        return;
    m_undo->push(new DefaultStateCommand(m_store, *this, m_functionId, m_function->defaultState, state));
}

void CalendarEditor::importIcs()
{
    if (!m_function)
        return;
    const QString fileName =
        PromptFileDialog::getOpenFileName(this, tr("Import a calendar"), tr("iCalendar files (*.ics);;All files (*)"));
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        //: %1 is a file name, %2 the system's reason
        calendarEditFailed(tr("Cannot read %1: %2.").arg(QFileInfo(fileName).fileName(), file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    IcsCalendar ics(m_store, ScheduleEngine::defaultTimeZone());
    if (auto parsed = ics.parse(bytes, m_functionId); !parsed) {
        //: %1 is a file name, %2 the reason (naming the line)
        calendarEditFailed(tr("%1 was not imported: %2").arg(QFileInfo(fileName).fileName(), parsed.error().message));
        return;
    }
    m_message->hide();
    auto prompts = m_store.prompts.list();
    auto *dialog = new ImportIcsDialog(m_store, bytes, fileName, m_functionId, prompts ? *prompts : QList<VoicePrompt> {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString target = m_functionId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        if (!dialog->parsed() || dialog->parsed()->events.isEmpty())
            return;
        const QList<ScheduleEvent> events = dialog->parsed()->events;
        const int count = static_cast<int>(events.size());
        auto *command = new AddEventsCommand(
            m_store, *this, target, events, AddEventsCommand::Where::End, tr("Import %n event(s) from an .ics file", nullptr, count));
        if (const auto state = dialog->defaultStateToApply(); state && m_function && m_function->id == target)
            command->setDefaultState(m_function->defaultState, *state);
        m_undo->push(command);
    });
    dialog->open();
}

void CalendarEditor::exportIcs()
{
    if (!m_function)
        return;
    const QString fileName = PromptFileDialog::getSaveFileName(
        this, tr("Export the calendar"), QString(m_function->name + QStringLiteral(".ics")), tr("iCalendar files (*.ics)"));
    if (fileName.isEmpty())
        return;
    IcsCalendar ics(m_store, ScheduleEngine::defaultTimeZone());
    if (Status s = ics.exportFile(m_functionId, fileName); !s) {
        //: %1 is a file name, %2 the reason
        calendarEditFailed(tr("The calendar was not exported to %1: %2").arg(QFileInfo(fileName).fileName(), s.error().message));
        return;
    }
    m_message->hide();
}

void CalendarEditor::addBelgianHolidays()
{
    if (!m_function)
        return;
    auto *dialog = new HolidaysDialog(m_clock().toTimeZone(ScheduleEngine::defaultTimeZone()).date().year(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString target = m_functionId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        const QList<ScheduleEvent> events =
            BelgianHolidays::generate(dialog->fromYear(), dialog->toYear(), dialog->communityHolidays(), target);
        if (events.isEmpty())
            return;
        m_undo->push(new AddEventsCommand(m_store, *this, target, events, AddEventsCommand::Where::Top,
            tr("Add %n Belgian holiday(s)", nullptr, static_cast<int>(events.size()))));
    });
    dialog->open();
}

void CalendarEditor::calendarChanged(const QString &functionId, const QString &eventId)
{
    if (functionId == m_functionId) {
        const int previousRow = m_view->currentIndex().row();
        m_model->reload();
        if (!eventId.isEmpty() && m_model->rowOf(eventId) >= 0)
            selectEvent(eventId);
        else if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(qBound(0, previousRow, m_model->rowCount() - 1), ScheduleEventsModel::Title));
        reloadFunction();
        refreshSchedule();
    }
    Q_EMIT scheduleChanged(functionId);
}

void CalendarEditor::calendarEditFailed(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void CalendarEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
        m_view->resizeColumnsToContents();
    }
    QWidget::changeEvent(event);
}

void CalendarEditor::showEvent(QShowEvent *event)
{
    // The panel puts the actions on its tool bar after construction.
    updateToolButtons();
    QWidget::showEvent(event);
}

void CalendarEditor::updateToolButtons()
{
    // The tool bar shows a short word; screen readers get the full name, and a click opens the menu.
    const QString name = m_files->text().remove(u'&');
    for (QObject *o : m_files->associatedObjects()) {
        if (auto *button = qobject_cast<QToolButton *>(o)) {
            button->setAccessibleName(name);
            button->setPopupMode(QToolButton::InstantPopup);
        }
    }
}

void CalendarEditor::retranslate()
{
    m_defaultLabel->setText(tr("When no event applies, the number is:"));
    m_defaultState->setItemText(0, openStateLabel(OpenState::Open));
    m_defaultState->setItemText(1, openStateLabel(OpenState::Closed));
    m_defaultState->setAccessibleName(tr("Default state"));
    m_view->setAccessibleName(tr("Schedule events, by priority"));
    m_view->setToolTip(tr("The first event that applies wins. Drag an event, or press Ctrl+Up and Ctrl+Down, to change its priority."));
    m_add->setText(tr("&New event…"));
    m_edit->setText(tr("&Edit event…"));
    m_duplicate->setText(tr("D&uplicate event"));
    m_delete->setText(tr("&Delete event"));
    m_moveUp->setText(tr("Move &up"));
    m_moveDown->setText(tr("Move do&wn"));
    m_copy->setText(tr("&Copy calendar to…"));
    // Short words for the panel's tool bar, which shares its row with the filter.
    m_add->setIconText(tr("New…"));
    m_edit->setIconText(tr("Edit…"));
    m_duplicate->setIconText(tr("Duplicate"));
    m_delete->setIconText(tr("Delete"));
    //: Move the selected event up (higher priority)
    m_moveUp->setIconText(tr("Up"));
    //: Move the selected event down (lower priority)
    m_moveDown->setIconText(tr("Down"));
    m_copy->setIconText(tr("Copy to…"));
    m_importIcs->setText(tr("Import .ics…"));
    m_exportIcs->setText(tr("Export .ics…"));
    m_holidays->setText(tr("Belgian holidays…"));
    m_files->setText(tr("Calendar files and holidays"));
    //: Tool bar button opening the menu with Import .ics…, Export .ics… and Belgian holidays…
    m_files->setIconText(tr("Calendar"));
    for (QAction *a : editActions()) {
        QString tip = a->text().remove(u'&');
        if (tip.endsWith(u'…'))
            tip.chop(1);
        if (!a->shortcut().isEmpty())
            tip = QStringLiteral("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText));
        a->setToolTip(tip);
    }
    updateToolButtons();
    m_weekBox->setTitle(tr("Week"));
    m_previousWeek->setToolTip(tr("Previous week"));
    m_previousWeek->setAccessibleName(tr("Previous week"));
    m_nextWeek->setToolTip(tr("Next week"));
    m_nextWeek->setAccessibleName(tr("Next week"));
    m_thisWeek->setText(tr("This week"));
    m_timeline->setAccessibleName(tr("Week timeline: open in green, closed in red"));
    m_legend->setText(
        tr("Green: open. Red: closed. Paler: no event applies, the default state does. Point at the week to see the deciding event."));
    m_previewBox->setTitle(tr("What happens at…"));
    m_previewAt->setAccessibleName(tr("Date and time to preview"));
    const QStringList labels = {tr("&Date and time:"), tr("State:"), tr("Voice prompt:"), tr("Deciding event:")};
    for (int i = 0; i < m_previewLabels.size(); ++i)
        m_previewLabels.at(i)->setText(labels.at(i));
    m_previewState->setAccessibleName(tr("State"));
    m_previewPrompt->setAccessibleName(tr("Voice prompt"));
    m_previewEvent->setAccessibleName(tr("Deciding event"));
    updateWeekLabel();
    refreshPreview();
}

} // namespace centrale
