/** Numbers that must be one step away on every anonymous page. */
export function UrgentHelp({ heading = 'If you need help now' }: { heading?: string }) {
  return (
    <section className="app-urgent-help" aria-labelledby="urgent-help-heading">
      <h2 className="govuk-heading-s" id="urgent-help-heading">
        {heading}
      </h2>
      <ul className="govuk-list">
        <li>
          If a child is in danger right now, call <strong>999</strong>.
        </li>
        <li>
          If you are thinking about ending your life, call Samaritans free on <strong>116 123</strong> (any time, day or
          night) or Breathing Space on <strong>0800 83 85 87</strong>.
        </li>
        <li>
          For urgent health advice when your GP is closed, call NHS 24 on <strong>111</strong>.
        </li>
        <li>
          To talk in confidence about worries like these, call the Stop It Now helpline on{' '}
          <strong>0808 1000 900</strong>. You do not have to give your name.
        </li>
      </ul>
    </section>
  );
}
