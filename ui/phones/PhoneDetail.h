#pragma once

#include "domain/SipPhone.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace centrale {

class KeyDialog;
class PhoneKeysModel;
class Store;

// Beside the list of phones: the selected phone's keys, every key of its model with where it comes
// from. A key is programmed through the key dialog and saved at once (the phone then has changes
// waiting until "Save and reload" reaches it); "Inherit" gives a key back to the key templates.
class PhoneDetail final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneDetail)
public:
    explicit PhoneDetail(Store &store, QWidget *parent = nullptr);

    void setPhone(const QString &phoneId);
    // Reads the phone again (after a change elsewhere: templates, bulk edits, a reload).
    void reload();
    QString phoneId() const { return m_phone.id; }
    PhoneKeysModel *keysModel() const { return m_model; }
    QTableView *keysView() const { return m_view; }
    // The selected key's index, 0 when none.
    int selectedKeyIndex() const;
    bool selectKey(int keyIndex);

    // Opens the key dialog (with open()) for the key; nullptr without a phone.
    KeyDialog *editKey(int keyIndex);
    KeyDialog *editSelectedKey();
    // Saves a key on the phone: set, or inherit (removes the phone's own key).
    bool saveKey(const PhoneKey &key, bool inherit);
    bool inheritSelectedKey();

Q_SIGNALS:
    // The phone's keys were saved: it has changes waiting.
    void phoneChanged(const QString &phoneId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void showError(const QString &text);

    Store &m_store;
    SipPhone m_phone;
    PhoneKeysModel *m_model;
    QLabel *m_title;
    QLabel *m_hint;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_inherit;
};

} // namespace centrale
