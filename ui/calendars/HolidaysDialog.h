#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QPushButton;
class QLabel;
class QSpinBox;

namespace centrale {

// Chooses the years (and whether to include the communities' holidays) of the Belgian public
// holidays added, closed, at the top of a function number's calendar.
class HolidaysDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HolidaysDialog)
public:
    // The years default to thisYear and the next.
    explicit HolidaysDialog(int thisYear, QWidget *parent = nullptr);

    int fromYear() const;
    int toYear() const;
    bool communityHolidays() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();

    QLabel *m_fromLabel;
    QSpinBox *m_from;
    QLabel *m_toLabel;
    QSpinBox *m_to;
    QCheckBox *m_communities;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok; // a custom button: QDialogButtonBox renames its standard ones on a language change
};

} // namespace centrale
