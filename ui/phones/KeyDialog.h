#pragma once

#include "domain/SipPhone.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace centrale {

class Store;
class UserSearchDialog;

// Programs one key: empty, a colleague's extension (found with the magnifier) or a phone number
// with the name the phone shows; where allowed, "inherit" gives the key back to the key templates.
// OK stays disabled while what is typed is not valid, so nothing invalid is ever saved.
class KeyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyDialog)
public:
    enum class Choice { Empty, Extension, External, Inherit };

    // With fixedIndex > 0 the dialog programs that key; with 0 it asks which key, 1..maxIndex.
    KeyDialog(Store &store, int fixedIndex, int maxIndex, bool allowInherit, QWidget *parent = nullptr);

    // Fills the dialog with a key's content (and its index when the dialog asks for one).
    void setKey(const PhoneKey &key, const QString &colleagueName = {});
    void setChoice(Choice choice);
    Choice choice() const;
    // The key as entered, normalised (the number in E.164). Meaningful when OK is enabled.
    PhoneKey key() const;
    bool inherit() const { return choice() == Choice::Inherit; }
    // Why OK is disabled, empty when it is not.
    QString problem() const { return m_problem; }

    // The magnifier: a search for the colleague, opened with open().
    UserSearchDialog *findColleague();
    void setColleague(const QString &userId, const QString &name);

    QComboBox *typeBox() const { return m_type; }
    QSpinBox *indexBox() const { return m_index; }
    QLineEdit *colleagueEdit() const { return m_colleague; }
    QLineEdit *extensionLabelEdit() const { return m_extensionLabel; }
    QLineEdit *displayNameEdit() const { return m_displayName; }
    QLineEdit *numberEdit() const { return m_number; }
    QLabel *numberHint() const { return m_numberHint; }
    QPushButton *okButton() const;

private:
    PhoneKey entered() const;
    void validate();

    Store &m_store;
    int m_fixedIndex;
    QComboBox *m_type;
    QSpinBox *m_index;
    QStackedWidget *m_pages;
    QLineEdit *m_colleague;
    QToolButton *m_find;
    QLineEdit *m_extensionLabel;
    QLineEdit *m_displayName;
    QLineEdit *m_number;
    QLabel *m_numberHint;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QString m_userId;
    QString m_problem;
    QPointer<UserSearchDialog> m_search;
};

} // namespace centrale
