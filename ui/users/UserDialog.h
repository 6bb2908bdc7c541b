#pragma once

#include "domain/User.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace centrale {

class Store;

// "Edit user…" (portal: « Modifier l'utilisateur… »): names, email, mobile number, language, photo,
// group membership, direct number from the free numbers of the pool, and the desk phones; from
// here also "Reset password", "Reset PIN" and "Send welcome message". Saving writes the user, its
// direct number and its photo in one transaction.
class UserDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserDialog)
public:
    UserDialog(Store &store, const QString &userId, QWidget *parent = nullptr);

    QString userId() const { return m_user.id; }
    QString errorText() const;
    // The photo as it will be saved (400x400), or null when there is none.
    QImage photoPreview() const { return m_photo; }
    // Loads a picture as the new photo (cropped and scaled); false with the reason shown when it cannot be read.
    bool choosePhotoFile(const QString &path);
    // Fills the direct number list with the free numbers of the pool (« Répertorier les numéros disponibles »).
    void listAvailableNumbers();
    QComboBox *numberBox() const { return m_number; }
    QListWidget *groupList() const { return m_groups; }
    QListWidget *phoneList() const { return m_phones; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void userSaved(const QString &userId, bool mobileChanged);
    void welcomeRequested(const QString &userId);
    void showPhoneRequested(const QString &phoneId);

private:
    void load();
    void showError(const QString &message);
    void updateMobileHint();
    void openPhotoFile();
    void showPhone();

    Store &m_store;
    User m_user;
    QString m_currentNumberId;
    QImage m_photo;
    bool m_photoChanged = false;
    QLabel *m_username;
    QLabel *m_photoLabel;
    QLineEdit *m_firstName;
    QLineEdit *m_lastName;
    QLineEdit *m_email;
    QLineEdit *m_mobile;
    QLabel *m_mobileHint;
    QComboBox *m_language;
    QComboBox *m_number;
    QListWidget *m_groups;
    QListWidget *m_phones;
    QPushButton *m_showPhone;
    QLabel *m_error;
};

} // namespace centrale
