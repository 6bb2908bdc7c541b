#pragma once

#include "calendar/ScheduleEngine.h"
#include "calendars/CalendarCommand.h"
#include "calendars/Clock.h"
#include "domain/FunctionNumber.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QMenu;
class QTableView;
class QToolButton;
class QUndoStack;

namespace centrale {

class ScheduleEventsModel;
class Store;
class WeekTimeline;

// Function numbers › Calendars, the selected number's schedule: its default state, its events in
// priority order (add, edit, delete, duplicate, reorder by drag and drop or Ctrl+Up/Ctrl+Down,
// copy to other numbers), a week timeline and a "what happens at…" preview. Every edit is an
// undoable command on undoStack() that writes to the store (and so to its outbox).
class CalendarEditor final : public QWidget, private CalendarCommand::Host {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarEditor)
public:
    CalendarEditor(Store &store, Clock clock, QWidget *parent = nullptr);
    ~CalendarEditor() override;

    void setFunction(const QString &functionId);
    QString functionId() const { return m_functionId; }
    QUndoStack *undoStack() const { return m_undo; }
    // Add, Edit, Duplicate, Delete, Move up, Move down, Copy to…, and a "Calendar" menu with
    // Import .ics…, Export .ics… and Belgian holidays… — for the panel's tool bar (one button for
    // the three, so that the bar still fits beside the filter in French and Dutch).
    QList<QAction *> editActions() const;
    ScheduleEventsModel *eventsModel() const { return m_model; }
    QTableView *eventsView() const { return m_view; }
    WeekTimeline *timeline() const { return m_timeline; }
    QString selectedEventId() const;
    void selectEvent(const QString &eventId);

    // The preview: what the schedule says at a wall-clock time of the organisation's time zone.
    void setPreviewTime(const QDateTime &wallClock);
    std::optional<ScheduleEngine::Decision> previewDecision() const;
    QString previewStateText() const;

    // The actions' work, each opening its dialog with open() where it needs one.
    void addEvent();
    void editEvent();
    void duplicateEvent();
    void deleteEvent();
    void moveSelected(int delta);
    void moveEvent(const QString &eventId, int newPosition);
    void copyCalendar();
    void setDefaultState(OpenState state);
    // Asks for an .ics file (PromptFileDialog, with its test seam), then shows what it brings in an
    // ImportIcsDialog; OK adds the events after the calendar's own, as one undoable command.
    void importIcs();
    // Asks where to save (PromptFileDialog) and writes the calendar as .ics.
    void exportIcs();
    // A HolidaysDialog; OK adds the closed holidays at the top, as one undoable command.
    void addBelgianHolidays();

Q_SIGNALS:
    // A schedule changed in the store (for the function numbers' list and its current states).
    void scheduleChanged(const QString &functionId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void calendarChanged(const QString &functionId, const QString &eventId) override;
    void calendarEditFailed(const QString &message) override;
    void reloadFunction();
    void refreshSchedule();
    void refreshPreview();
    void updateActions();
    void updateWeekLabel();
    void retranslate();
    void updateToolButtons();

    Store &m_store;
    Clock m_clock;
    QString m_functionId;
    std::optional<FunctionNumber> m_function;
    std::optional<ScheduleEngine> m_engine;
    QUndoStack *m_undo;
    ScheduleEventsModel *m_model;
    QLabel *m_defaultLabel;
    QComboBox *m_defaultState;
    QTableView *m_view;
    QLabel *m_message;
    QGroupBox *m_weekBox;
    QToolButton *m_previousWeek;
    QToolButton *m_thisWeek;
    QToolButton *m_nextWeek;
    QLabel *m_weekLabel;
    WeekTimeline *m_timeline;
    QLabel *m_legend;
    QGroupBox *m_previewBox;
    QDateTimeEdit *m_previewAt;
    QLabel *m_previewState;
    QLabel *m_previewPrompt;
    QLabel *m_previewEvent;
    QList<QLabel *> m_previewLabels;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_moveUp;
    QAction *m_moveDown;
    QAction *m_copy;
    QAction *m_importIcs;
    QAction *m_exportIcs;
    QAction *m_holidays;
    QMenu *m_filesMenu;
    QAction *m_files; // opens m_filesMenu
};

} // namespace centrale
