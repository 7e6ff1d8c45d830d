/* BatchTrack's GraphiQL page: starts GraphiQL, with its explorer plugin, against the
 * endpoint that served the page. React, ReactDOM, GraphiQL and GraphiQLPluginExplorer are
 * globals set by the scripts loaded before this one, all served by the API itself
 * (server/graphiql.py), so nothing comes from another host. */
(function () {
  "use strict";

  var WELCOME = [
    "# BatchTrack API explorer",
    "#",
    "# Signed-in operations need a token. Get one with signUp (first account) or signIn,",
    "# then put it in the Headers tab below, as JSON:",
    '#   {"Authorization": "Bearer <token>"}',
    "#",
    "#   mutation {",
    '#     signUp(input: {email: "you@example.com", password: "a long password",',
    '#                    organizationName: "My Workshop"}) {',
    "#       token",
    "#       userErrors { field message code }",
    "#     }",
    "#   }",
    "#",
    "# Run with Ctrl-Enter or the play button; Docs and Explorer (left) show the schema.",
    "",
    "query Viewer {",
    "  viewer {",
    "    organization { name }",
    "    user { email }",
    "    permissions",
    "  }",
    "}",
    "",
  ].join("\n");

  // GraphiQL keeps the last query under this key; the page starts from it when there is one.
  var STORED_QUERY = "graphiql:query";

  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });

  function storedQuery() {
    try {
      return window.localStorage.getItem(STORED_QUERY);
    } catch (error) {
      return null; // storage disabled: start from the welcome text
    }
  }

  function Explorer() {
    var state = React.useState(storedQuery() || WELCOME);
    var query = state[0];
    var setQuery = state[1];
    var explorer = GraphiQLPluginExplorer.useExplorerPlugin({ query: query, onEdit: setQuery });
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      query: query,
      onEditQuery: setQuery,
      plugins: [explorer],
      // The Headers tab carries the bearer token; it is kept in this browser's storage
      // for this origin until it is cleared.
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: "headers",
      inputValueDeprecation: true,
    });
  }

  ReactDOM.render(React.createElement(Explorer), document.getElementById("graphiql"));
})();
