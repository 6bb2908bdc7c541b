#pragma once

#include "domain/ScheduleEvent.h"
#include "domain/VoicePrompt.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace centrale {

// Edits one schedule event: title, state, prompt, start/end, all-day, repeat rule (built as an
// iCalendar RRULE), until/count and exceptions, with a plain-language summary. OK validates with
// ScheduleEvent::normaliseAndValidate; an error is shown in the dialog, which stays open.
class EventEditorDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventEditorDialog)
public:
    EventEditorDialog(const QList<VoicePrompt> &prompts, QWidget *parent = nullptr);

    void setEvent(const ScheduleEvent &event);
    // The event as the fields describe it (keeps the id, function and priority of setEvent's).
    ScheduleEvent event() const;
    QString summary() const;
    QString errorText() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateControls();
    void updateSummary();
    void addException();
    void removeException();

    ScheduleEvent m_original;
    QLineEdit *m_title;
    QComboBox *m_state;
    QComboBox *m_prompt;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QCheckBox *m_allDay;
    QComboBox *m_repeat;
    QWidget *m_daysBox;
    QList<QCheckBox *> m_days;
    QComboBox *m_repeatEnd;
    QDateEdit *m_until;
    QSpinBox *m_count;
    QLineEdit *m_customRule;
    QListWidget *m_exceptions;
    QDateEdit *m_exceptionDate;
    QPushButton *m_addException;
    QPushButton *m_removeException;
    QLabel *m_summary;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form;
    QList<QLabel *> m_labels;
};

} // namespace centrale
