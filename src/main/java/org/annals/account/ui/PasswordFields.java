package org.annals.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import org.annals.base.InvalidInputException;
import org.annals.security.PasswordPolicy;

/** A new password typed twice. The service applies the full policy; this only catches typos early. */
class PasswordFields extends Div {

    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat new password");

    PasswordFields() {
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters. A few unrelated words make a strong, memorable password.");
        password.setMinLength(PasswordPolicy.MIN_LENGTH);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setWidthFull();
        repeat.setWidthFull();
        add(password, repeat);
    }

    /** The new password, once both fields agree. */
    String value() {
        if (!password.getValue().equals(repeat.getValue())) {
            throw new InvalidInputException("The two new passwords are not the same.");
        }
        return password.getValue();
    }

    void clear() {
        password.clear();
        repeat.clear();
    }
}
